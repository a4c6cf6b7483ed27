package dev.tollgate.translator.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tollgate.translator.admission.Admission;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.yaml.YamlDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads multi-document YAML (or JSON) manifests into a {@link ResourceSet}.
 *
 * <p>Input is bounded ({@link ReadLimits}) and read in time linear in its size. A document is
 * admitted as a Kubernetes API server would admit it, or reported with its file, document index,
 * object and field, and skipped; the others are still read. A file that is not YAML at all, is too
 * large, or cannot be opened, is unreadable: {@link UnreadableInputException}.
 */
public final class ManifestReader {

  public static final String STDIN = "-";

  private final DocumentIntake intake;
  private final ReadLimits limits;
  private final YamlDocuments yaml;

  public ManifestReader() {
    this(ExtensionKinds.NONE);
  }

  /** A reader that also keeps objects of an extension server's kinds, whole. */
  public ManifestReader(ExtensionKinds extensionKinds) {
    this(extensionKinds, ReadLimits.DEFAULT);
  }

  public ManifestReader(ExtensionKinds extensionKinds, ReadLimits limits) {
    this.intake = new DocumentIntake(extensionKinds, Admission.standard());
    this.limits = limits;
    this.yaml = YamlDocuments.forLimits(limits);
  }

  /** Reads a file, a directory (its .yaml, .yml and .json files, recursively) or stdin ({@code -}). */
  public ManifestReader read(String path) throws UnreadableInputException {
    if (STDIN.equals(path)) {
      return read("<stdin>", System.in);
    }
    Path p = Path.of(path);
    if (Files.isDirectory(p)) {
      for (Path file : manifestsUnder(p)) {
        readFile(file);
      }
      return this;
    }
    return readFile(p);
  }

  private ManifestReader readFile(Path file) throws UnreadableInputException {
    return admit(file.toString(), parse(file.toString(), bytesOf(file)));
  }

  /**
   * A file's bytes, bounded: one larger than the file limit is refused without being opened, and
   * one that grows while it is read is cut off at the limit and refused.
   *
   * @throws UnreadableInputException naming the file and what is wrong
   */
  public byte[] bytesOf(Path file) throws UnreadableInputException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw tooLarge(file.toString(), size);
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(bound());
      }
    } catch (IOException e) {
      throw new UnreadableInputException(file + ": cannot be read: " + UnreadableInputException.describe(e), e);
    }
    if (bytes.length > limits.maxFileBytes()) {
      throw tooLarge(file.toString(), -1); // it grew after its size was looked at
    }
    return bytes;
  }

  /** How many bytes to read at most: one past the limit, to tell an input at the limit from a larger one. */
  private int bound() {
    return (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1);
  }

  private static List<Path> manifestsUnder(Path dir) throws UnreadableInputException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UnreadableInputException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }

  /** Reads every document of a stream, at most {@link ReadLimits#maxFileBytes()} of it; {@code name} is how problems refer to it. */
  public ManifestReader read(String name, InputStream in) throws UnreadableInputException {
    byte[] bytes;
    try {
      bytes = in.readNBytes(bound());
    } catch (IOException e) {
      throw new UnreadableInputException(name + ": cannot be read: " + UnreadableInputException.describe(e), e);
    }
    if (bytes.length > limits.maxFileBytes()) {
      throw tooLarge(name, -1); // only the first bytes past the limit were read
    }
    return admit(name, parse(name, bytes));
  }

  /** Reads YAML text, for tests and callers that hold manifests in memory. */
  public ManifestReader readString(String name, String text) throws UnreadableInputException {
    if (text.length() > limits.maxFileBytes()) {
      throw tooLarge(name, text.length());
    }
    return readText(name, text);
  }

  /**
   * The documents of one input, parsed as {@link #read(String, InputStream)} parses them but not
   * admitted: a caller that holds many inputs (the daemon's file provider) keeps each input's last
   * readable documents, parses only the inputs that changed, and admits them with
   * {@link #admit(String, List)}. Empty documents are kept as missing nodes, so indexes stay those
   * of the file.
   *
   * @throws UnreadableInputException when the bytes are larger than the file limit, not UTF-8 or not YAML
   */
  public List<JsonNode> parse(String name, byte[] bytes) throws UnreadableInputException {
    if (bytes.length > limits.maxFileBytes()) {
      throw tooLarge(name, bytes.length);
    }
    return parseText(name, yaml.decode(name, bytes));
  }

  /**
   * Admits documents {@link #parse(String, byte[]) parsed} from the input {@code name}, as
   * {@link #read(String)} would have, without adding them to this reader: the result can be
   * {@link #add added} to this reader and to later ones. The documents are not modified.
   */
  public TakenDocuments take(String name, List<JsonNode> documents) {
    return intake.take(name, documents);
  }

  /**
   * Admits one object, as {@link #take} does a document, named {@code name} alone in messages (an
   * API server's object is no document of a file).
   */
  public TakenDocuments takeObject(String name, JsonNode object) {
    return intake.take(name, List.of(object), true);
  }

  /** Adds documents already {@link #take taken}, as if they had been read now. */
  public ManifestReader add(TakenDocuments taken) {
    intake.add(taken);
    return this;
  }

  /** Admits and adds documents {@link #parse(String, byte[]) parsed} from the input {@code name}. */
  public ManifestReader admit(String name, List<JsonNode> documents) {
    return add(take(name, documents));
  }

  private ManifestReader readText(String name, String text) throws UnreadableInputException {
    return admit(name, parseText(name, text));
  }

  /**
   * Every document of the text, parsed before any is taken in: a file that is not YAML throughout
   * is unreadable as a whole, as it would be for kubectl.
   */
  private List<JsonNode> parseText(String name, String text) throws UnreadableInputException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = yaml.documents(text)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        documents.add(doc == null ? MissingNode.getInstance() : doc);
      }
    } catch (IOException | RuntimeException e) {
      // Parse errors, limits, and SnakeYAML's own exceptions, which Jackson does not always wrap.
      throw yaml.unreadable(name, documents.size(), e);
    }
    return Collections.unmodifiableList(documents);
  }

  private UnreadableInputException tooLarge(String name, long size) {
    return new UnreadableInputException(limits.fileTooLarge(name, size), null);
  }

  public ResourceSet resources() {
    return intake.resources();
  }

  public List<InputProblem> problems() {
    return intake.problems();
  }
}
