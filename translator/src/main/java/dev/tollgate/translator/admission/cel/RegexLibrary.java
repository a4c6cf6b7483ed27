package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' regex library: {@code find}, {@code findAll} and {@code findAll} with a limit, with
 * RE2 syntax and Go's FindString/FindAllString results. Those differ from java.util.regex's
 * (and the library's documentation): {@code '[0-9]*'} finds the empty match at the start of
 * "abc 123", and an empty match right after a match is not reported.
 */
final class RegexLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    ListType strings = ListType.create(SimpleType.STRING);
    checker.addFunctionDeclarations(
        newFunctionDeclaration("find",
            newMemberOverload("string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        newFunctionDeclaration("findAll",
            newMemberOverload("string_find_all_string", strings, SimpleType.STRING, SimpleType.STRING),
            newMemberOverload("string_find_all_string_int", strings, SimpleType.STRING, SimpleType.STRING,
                SimpleType.INT)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_find_string", String.class, String.class, (text, regex) -> {
          Matcher matcher = compile(regex).matcher(text);
          return matcher.find() ? matcher.group() : "";
        }),
        CelFunctionBinding.from("string_find_all_string", String.class, String.class,
            (text, regex) -> findAll(text, compile(regex), -1)),
        CelFunctionBinding.from("string_find_all_string_int", List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], compile((String) args[1]), (Long) args[2])));
  }

  /** Go's allMatches: successive matches; an empty one adjoining the previous match is skipped. */
  private static List<String> findAll(String text, Pattern pattern, long limit) {
    List<String> matches = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    int pos = 0;
    int previousEnd = -1;
    while ((limit < 0 || matches.size() < limit) && pos <= text.length() && matcher.find(pos)) {
      boolean accept = true;
      if (matcher.end() == matcher.start()) {
        accept = matcher.start() != previousEnd;
        pos = matcher.end() < text.length()
            ? matcher.end() + Character.charCount(text.codePointAt(matcher.end()))
            : text.length() + 1;
      } else {
        pos = matcher.end();
      }
      previousEnd = matcher.end();
      if (accept) {
        matches.add(matcher.group());
      }
    }
    return matches;
  }

  private static Pattern compile(String regex) throws CelEvaluationException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw EvaluationErrors.invalidArgument("Illegal regex: %s", e.getMessage());
    }
  }
}
