package dev.tollgate.cli;

import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.UnreadableInputException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code -f} option of the commands that read manifests as {@code translate} does, and the reading. */
final class ManifestFiles {

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "PATH",
      description = "A manifest file, a directory of them, or - for stdin. Repeatable.")
  List<String> files;

  /** Reads every file into {@code reader}; false (after saying why on {@code err}) when one cannot be read. */
  boolean readInto(ManifestReader reader, PrintWriter err) {
    try {
      for (String f : files) {
        reader.read(f);
      }
      return true;
    } catch (UnreadableInputException e) {
      err.println("tollgate: " + e.getMessage());
      return false;
    }
  }
}
