package dev.tollgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Manifests laid out as a repository of them often is: one file per object, named after its kind and name. */
final class ManifestDirectory {

  private static final Pattern KIND = Pattern.compile("(?m)^kind: (\\S+)");
  private static final Pattern NAME = Pattern.compile("name: ([a-z0-9.-]+)");

  private ManifestDirectory() {}

  /** Writes each document of the multi-document YAML to its own file in a new temporary directory. */
  static Path write(String manifests) throws IOException {
    Path dir = Files.createTempDirectory("tollgate-bench-manifests");
    for (String doc : manifests.split("(?m)^---\n")) {
      if (doc.isBlank()) {
        continue;
      }
      Path file = dir.resolve(fileName(doc));
      if (Files.exists(file)) {
        throw new IllegalStateException("two documents would be written to " + file);
      }
      Files.writeString(file, doc);
    }
    return dir;
  }

  /** The file of one object: {@code httproute-route-0.yaml}. */
  static String fileName(String doc) {
    return (first(KIND, doc) + "-" + first(NAME, doc)).toLowerCase() + ".yaml";
  }

  private static String first(Pattern p, String doc) {
    Matcher m = p.matcher(doc);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + p + " in " + doc);
    }
    return m.group(1);
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
