package dev.tollgate.translator.input.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's character source over a text held whole in memory, so that scanning takes time
 * linear in the text's length.
 *
 * <p>Written by hand because SnakeYAML's own {@link StreamReader} refills a 1 KB buffer and copies
 * its whole look-ahead window on every refill: while the scanner peeks through one long token (a
 * quoted string of several megabytes), each refill copies everything peeked so far, which is
 * quadratic in the token's length (seconds per megabyte). Inputs are bounded in size before they
 * get here, so holding them whole costs little. Positions, line and column counting and the
 * printable-character rule are SnakeYAML's own.
 */
final class WholeTextReader extends StreamReader {

  private final String name;
  private final int[] codePoints;
  private int pointer;
  private int documentIndex;
  private int line;
  private int column;

  WholeTextReader(String name, String text) {
    super("");
    this.name = name;
    this.codePoints = text.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      if (!isPrintable(codePoints[i])) {
        throw new ReaderException(name, i, codePoints[i], "special characters are not allowed");
      }
    }
  }

  @Override
  public Mark getMark() {
    return new Mark(name, pointer, line, column, codePoints, pointer);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int length) {
    for (int i = 0; i < length && pointer < codePoints.length; i++) {
      int c = codePoints[pointer++];
      documentIndex++;
      boolean lineBreak = c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
          || (c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n');
      if (lineBreak) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int index) {
    int at = pointer + index;
    return at < codePoints.length ? codePoints[at] : '\0';
  }

  @Override
  public String prefix(int length) {
    return new String(codePoints, pointer, Math.min(length, codePoints.length - pointer));
  }

  @Override
  public String prefixForward(int length) {
    String prefix = prefix(length);
    pointer += length;
    documentIndex += length;
    column += length; // a prefix never holds a line break
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return pointer;
  }

  @Override
  public int getLine() {
    return line;
  }
}
