package dev.tollgate.translator.input;

import java.util.Comparator;

/** Where an object came from: a file (or {@code <stdin>}) and the document's index in it. */
public record Source(String file, int document) implements Comparable<Source> {

  private static final Comparator<Source> ORDER =
      Comparator.comparing(Source::file).thenComparingInt(Source::document);

  @Override
  public int compareTo(Source other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + " (document " + document + ")";
  }
}
