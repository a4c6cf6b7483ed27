package dev.tollgate.translator.admission.meta;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The name rules of Kubernetes' apimachinery validation (DNS labels and subdomains, qualified
 * names, label values). Each returns the list of problems, empty when the value is valid; the
 * problems are the ones apimachinery reports, in its order, in this project's words. Lengths are
 * counted in UTF-8 bytes, as Go counts them.
 */
public final class KubernetesNameRules {

  private static final int LABEL_MAX_LENGTH = 63;
  private static final int SUBDOMAIN_MAX_LENGTH = 253;

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern QUALIFIED_NAME_PATTERN = Pattern.compile(QUALIFIED_NAME);
  private static final Pattern LABEL_VALUE = Pattern.compile("(" + QUALIFIED_NAME + ")?");

  public static List<String> dns1123Label(String value) {
    List<String> problems = new ArrayList<>();
    checkLength(value, LABEL_MAX_LENGTH, problems);
    if (!DNS1123_LABEL.matches(value)) {
      problems.add(DNS1123_SUBDOMAIN.matches(value)
          ? "must not contain dots"
          : "must be lower-case letters, digits or '-', and begin and end with a letter or digit"
              + " (such as 'my-name' or '123-abc')");
    }
    return problems;
  }

  public static List<String> dns1123Subdomain(String value) {
    List<String> problems = new ArrayList<>();
    checkLength(value, SUBDOMAIN_MAX_LENGTH, problems);
    if (!DNS1123_SUBDOMAIN.matches(value)) {
      problems.add("must be lower-case letters, digits, '-' or '.', and begin and end with a letter or"
          + " digit (such as 'example.com')");
    }
    return problems;
  }

  public static List<String> dns1035Label(String value) {
    List<String> problems = new ArrayList<>();
    checkLength(value, LABEL_MAX_LENGTH, problems);
    if (!DNS1035_LABEL.matches(value)) {
      problems.add("must be lower-case letters, digits or '-', begin with a letter and end with a letter"
          + " or digit (such as 'my-name' or 'abc-123')");
    }
    return problems;
  }

  /** A name with an optional DNS subdomain prefix and '/', such as 'example.com/MyName'. */
  public static List<String> qualifiedName(String value) {
    List<String> problems = new ArrayList<>();
    String[] parts = value.split("/", -1);
    if (parts.length > 2) {
      problems.add("must be a name of letters, digits, '-', '_' or '.' that begins and ends with a letter"
          + " or digit, with an optional DNS subdomain prefix and '/' (such as 'example.com/MyName')");
      return problems;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      if (parts[0].isEmpty()) {
        problems.add("prefix part must not be empty");
      } else {
        dns1123Subdomain(parts[0]).forEach(problem -> problems.add("prefix part " + problem));
      }
    }
    if (name.isEmpty()) {
      problems.add("name part must not be empty");
    } else {
      checkLength(name, LABEL_MAX_LENGTH, problems, "name part ");
    }
    if (!QUALIFIED_NAME_PATTERN.matches(name)) {
      problems.add("name part must be letters, digits, '-', '_' or '.', and begin and end with a letter"
          + " or digit (such as 'MyName', 'my.name' or '123-abc')");
    }
    return problems;
  }

  public static List<String> labelValue(String value) {
    List<String> problems = new ArrayList<>();
    checkLength(value, LABEL_MAX_LENGTH, problems);
    if (!LABEL_VALUE.matches(value)) {
      problems.add("must be empty, or letters, digits, '-', '_' or '.' that begin and end with a letter"
          + " or digit (such as 'MyValue', 'my_value' or '12345')");
    }
    return problems;
  }

  /**
   * For a name that gets a generated suffix: a trailing '-' is allowed. This reproduces
   * apimachinery's substitution exactly (the last two characters become "a"), as it decides which
   * prefixes pass.
   */
  public static String maskTrailingDash(String name) {
    return name.length() > 1 && name.endsWith("-") ? name.substring(0, name.length() - 2) + "a" : name;
  }

  private static void checkLength(String value, int max, List<String> problems) {
    checkLength(value, max, problems, "");
  }

  private static void checkLength(String value, int max, List<String> problems, String subject) {
    if (value.getBytes(StandardCharsets.UTF_8).length > max) {
      problems.add(subject + "must be no more than " + max + " characters");
    }
  }

  private KubernetesNameRules() {}
}
