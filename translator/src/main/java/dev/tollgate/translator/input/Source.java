package dev.tollgate.translator.input;

import java.util.Comparator;

/**
 * Where an object came from: a file (or {@code <stdin>}) and the document's index in it, or an
 * input that is one object (an API server's), named alone.
 */
public record Source(String file, int document) implements Comparable<Source> {

  /** The {@link #document} of an input that is one object, not a stream of documents. */
  public static final int WHOLE = -1;

  private static final Comparator<Source> ORDER =
      Comparator.comparing(Source::file).thenComparingInt(Source::document);

  @Override
  public int compareTo(Source other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return document == WHOLE ? file : file + " (document " + document + ")";
  }
}
