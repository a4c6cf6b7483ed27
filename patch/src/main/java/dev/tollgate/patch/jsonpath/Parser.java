package dev.tollgate.patch.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tollgate.patch.jsonpath.JsonPath.Segment;
import dev.tollgate.patch.jsonpath.Selectors.Selector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A recursive-descent parser for RFC 9535's grammar. */
final class Parser {

  private final String s;
  private int i;

  Parser(String query) {
    this.s = query;
  }

  List<Segment> query() {
    expect('$');
    List<Segment> segments = segments();
    if (i != s.length()) {
      throw error("unexpected " + describe());
    }
    return segments;
  }

  private List<Segment> segments() {
    List<Segment> out = new ArrayList<>();
    while (true) {
      int save = i;
      skipBlanks();
      if (startsWith("..")) {
        i += 2;
        out.add(Selectors.descendant(peek() == '[' ? bracketed() : List.of(shorthand())));
      } else if (peek() == '.') {
        i++;
        out.add(Selectors.child(List.of(shorthand())));
      } else if (peek() == '[') {
        out.add(Selectors.child(bracketed()));
      } else {
        i = save;
        return out;
      }
    }
  }

  /** {@code *} or a member name after a dot. */
  private Selector shorthand() {
    if (peek() == '*') {
      i++;
      return Selectors.WILDCARD;
    }
    int start = i;
    while (i < s.length() && isNameChar(s.charAt(i), i == start)) {
      i++;
    }
    if (i == start) {
      throw error("expected a member name or * after '.'");
    }
    return Selectors.name(s.substring(start, i));
  }

  private static boolean isNameChar(char c, boolean first) {
    return Character.isLetter(c) || c == '_' || c >= 0x80 || (!first && Character.isDigit(c));
  }

  private List<Selector> bracketed() {
    expect('[');
    List<Selector> selectors = new ArrayList<>();
    do {
      skipBlanks();
      selectors.add(selector());
      skipBlanks();
    } while (consume(','));
    expect(']');
    return selectors;
  }

  private Selector selector() {
    char c = peek();
    if (c == '\'' || c == '"') {
      return Selectors.name(string());
    }
    if (c == '*') {
      i++;
      return Selectors.WILDCARD;
    }
    if (c == '?') {
      i++;
      skipBlanks();
      return Selectors.filter(logicalOr());
    }
    Long first = peek() == ':' ? null : integer();
    skipBlanks();
    if (peek() != ':') {
      if (first == null) {
        throw error("expected a selector");
      }
      return Selectors.index(first);
    }
    i++;
    skipBlanks();
    Long end = peek() == ':' || peek() == ']' || peek() == ',' ? null : integer();
    skipBlanks();
    Long step = null;
    if (consume(':')) {
      skipBlanks();
      step = peek() == ']' || peek() == ',' ? null : integer();
    }
    return Selectors.slice(first, end, step);
  }

  // Filter expressions.

  private Filters.Logical logicalOr() {
    Filters.Logical left = logicalAnd();
    while (true) {
      skipBlanks();
      if (!startsWith("||")) {
        return left;
      }
      i += 2;
      skipBlanks();
      left = Filters.or(left, logicalAnd());
    }
  }

  private Filters.Logical logicalAnd() {
    Filters.Logical left = basic();
    while (true) {
      skipBlanks();
      if (!startsWith("&&")) {
        return left;
      }
      i += 2;
      skipBlanks();
      left = Filters.and(left, basic());
    }
  }

  private Filters.Logical basic() {
    skipBlanks();
    if (peek() == '!') {
      i++;
      skipBlanks();
      if (peek() == '(') {
        return Filters.not(parenthesized());
      }
      return Filters.not(test());
    }
    if (peek() == '(') {
      return parenthesized();
    }
    int save = i;
    Operand left = operand();
    skipBlanks();
    String op = comparisonOperator();
    if (op == null) {
      i = save;
      return test();
    }
    skipBlanks();
    Operand right = operand();
    return Filters.compare(left.asValue(), op, right.asValue());
  }

  private Filters.Logical parenthesized() {
    expect('(');
    Filters.Logical inner = logicalOr();
    skipBlanks();
    expect(')');
    return inner;
  }

  /** An existence test ({@code @.a}) or a function returning a logical value ({@code match(...)}). */
  private Filters.Logical test() {
    Operand o = operand();
    if (o.logical != null) {
      return o.logical;
    }
    if (o.query != null) {
      return Filters.exists(o.query);
    }
    throw error("a " + (o.value != null ? "value" : "literal") + " cannot stand alone as a test");
  }

  private String comparisonOperator() {
    for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
      if (startsWith(op)) {
        i += op.length();
        return op;
      }
    }
    return null;
  }

  /** What an operand turned out to be: exactly one field is set. */
  private final class Operand {
    Filters.Query query;
    Filters.Value value;
    Filters.Logical logical;

    Filters.Value asValue() {
      if (query != null) {
        if (!query.singular()) {
          throw error("a comparison needs a singular query (names and indexes only)");
        }
        return Filters.query(query);
      }
      if (value == null) {
        throw error("a logical function result cannot be compared");
      }
      return value;
    }
  }

  private Operand operand() {
    Operand o = new Operand();
    char c = peek();
    if (c == '@' || c == '$') {
      i++;
      o.query = filterQuery(c == '@');
    } else if (c == '\'' || c == '"') {
      o.value = Filters.literal(JsonNodeFactory.instance.textNode(string()));
    } else if (c == '-' || Character.isDigit(c)) {
      o.value = Filters.literal(number());
    } else if (startsWithWord("true")) {
      o.value = Filters.literal(JsonNodeFactory.instance.booleanNode(true));
    } else if (startsWithWord("false")) {
      o.value = Filters.literal(JsonNodeFactory.instance.booleanNode(false));
    } else if (startsWithWord("null")) {
      o.value = Filters.literal(JsonNodeFactory.instance.nullNode());
    } else if (Character.isLowerCase(c)) {
      function(o);
    } else {
      throw error("expected a query, a literal or a function, not " + describe());
    }
    return o;
  }

  private Filters.Query filterQuery(boolean relative) {
    int start = i;
    List<Segment> segments = segments();
    String text = s.substring(start, i).replaceAll("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"", "''");
    // Singular: only names and indexes, no wildcards, slices, filters or descendants.
    boolean singular = !text.contains("..") && !text.contains("*") && !text.contains("?") && !text.contains(":")
        && !text.contains(",");
    return new Filters.Query(relative, segments, singular);
  }

  private void function(Operand o) {
    int start = i;
    while (i < s.length() && (Character.isLowerCase(s.charAt(i)) || Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    String name = s.substring(start, i);
    expect('(');
    List<Operand> args = new ArrayList<>();
    skipBlanks();
    if (peek() != ')') {
      do {
        skipBlanks();
        args.add(operand());
        skipBlanks();
      } while (consume(','));
    }
    expect(')');
    switch (name) {
      case "length" -> o.value = Filters.length(valueArg(name, args, 1, 0));
      case "count" -> o.value = Filters.count(queryArg(name, args));
      case "value" -> o.value = Filters.value(queryArg(name, args));
      case "match", "search" -> o.logical = Filters.regex(valueArg(name, args, 2, 0), valueArg(name, args, 2, 1), name.equals("match"));
      default -> throw error("unknown function " + name + "()");
    }
  }

  private Filters.Value valueArg(String function, List<Operand> args, int arity, int index) {
    if (args.size() != arity) {
      throw error(function + "() takes " + arity + (arity == 1 ? " argument" : " arguments"));
    }
    Operand a = args.get(index);
    return a.query != null ? Filters.query(a.query) : a.asValue();
  }

  private Filters.Query queryArg(String function, List<Operand> args) {
    if (args.size() != 1 || args.get(0).query == null) {
      throw error(function + "() takes one query");
    }
    return args.get(0).query;
  }

  // Lexical.

  private String string() {
    char quote = s.charAt(i++);
    StringBuilder out = new StringBuilder();
    while (i < s.length() && s.charAt(i) != quote) {
      char c = s.charAt(i++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i >= s.length()) {
        break;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> out.append(e); // \' \" \\ \/
      }
    }
    if (i >= s.length()) {
      throw error("unterminated string");
    }
    i++;
    return out.toString();
  }

  private Long integer() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start || (i == start + 1 && s.charAt(start) == '-')) {
      throw error("expected an integer");
    }
    return Long.parseLong(s.substring(start, i));
  }

  private JsonNode number() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    try {
      return JsonNodeFactory.instance.numberNode(new BigDecimal(s.substring(start, i)));
    } catch (NumberFormatException e) {
      throw error("invalid number " + s.substring(start, i));
    }
  }

  private boolean startsWithWord(String word) {
    if (s.startsWith(word, i) && (i + word.length() >= s.length() || !Character.isLetterOrDigit(s.charAt(i + word.length())))) {
      i += word.length();
      return true;
    }
    return false;
  }

  private void skipBlanks() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private boolean startsWith(String t) {
    return s.startsWith(t, i);
  }

  private boolean consume(char c) {
    if (peek() == c) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!consume(c)) {
      throw error("expected '" + c + "' but found " + describe());
    }
  }

  private String describe() {
    return i >= s.length() ? "the end" : "'" + s.charAt(i) + "'";
  }

  private JsonPathException error(String message) {
    return new JsonPathException("invalid JSONPath " + s + " at position " + i + ": " + message);
  }
}
