package dev.tollgate.translator.input.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tollgate.translator.input.ReadLimits;
import dev.tollgate.translator.input.UnreadableInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the documents of a YAML (or JSON) text within {@link ReadLimits}: linear in the text's
 * length, each document at most the document size, nested at most the nesting depth, a mapping
 * holding a key twice refused (as a strict Kubernetes client refuses it), and explains failures
 * with the document's index and the line.
 */
public final class YamlDocuments {

  private static final Map<ReadLimits, YamlDocuments> BY_LIMITS = new ConcurrentHashMap<>();
  private static final String DOCUMENT_LIMIT = "The incoming YAML document exceeds the limit";

  private final ReadLimits limits;
  private final ObjectReader reader;

  private YamlDocuments(ReadLimits limits) {
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(limits.maxDocumentBytes());
    LinearYamlFactory factory = new LinearYamlFactory(options);
    factory.setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(limits.maxDocumentBytes())
        .maxNestingDepth(limits.maxNestingDepth())
        .build());
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.reader = YAMLMapper.builder(factory).build()
        .readerFor(JsonNode.class);
  }

  /** Readers are shared per set of limits. */
  public static YamlDocuments forLimits(ReadLimits limits) {
    return BY_LIMITS.computeIfAbsent(limits, YamlDocuments::new);
  }

  public MappingIterator<JsonNode> documents(String text) throws IOException {
    return reader.readValues(text);
  }

  /** The bytes as UTF-8 text; malformed UTF-8 makes the input unreadable, naming where. */
  public String decode(String name, byte[] bytes) throws UnreadableInputException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableInputException(name + ": not UTF-8 text: " + e.getMessage(), e);
    }
  }

  /**
   * Why the text could not be read, naming the input, the document and where in it: a parse
   * error, a limit exceeded, or SnakeYAML's own exceptions, which are not all wrapped by Jackson.
   */
  public UnreadableInputException unreadable(String name, int document, Exception e) {
    JsonProcessingException jpe = e instanceof JsonProcessingException j ? j
        : e.getCause() instanceof JsonProcessingException j ? j : null;
    String message = jpe != null && jpe.getOriginalMessage() != null ? jpe.getOriginalMessage()
        : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    String where = name + " (document " + document + ")";
    if (message.contains(DOCUMENT_LIMIT)) {
      return new UnreadableInputException(where + ": larger than the limit of "
          + ReadLimits.describe(limits.maxDocumentBytes()) + " for one document (--max-document-size); the file was not read", e);
    }
    if (jpe instanceof StreamConstraintsException) {
      String what = message.contains("nesting depth")
          ? "mappings and lists are nested deeper than " + limits.maxNestingDepth() + " levels"
          : firstLine(message);
      return new UnreadableInputException(where + ": " + what + locationOf(jpe) + "; the file was not read", e);
    }
    return new UnreadableInputException(where + ": not valid YAML: " + firstLine(message) + locationOf(jpe), e);
  }

  private static String locationOf(JsonProcessingException e) {
    return e == null || e.getLocation() == null || e.getLocation().getLineNr() < 0
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
