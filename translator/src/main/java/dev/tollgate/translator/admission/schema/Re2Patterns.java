package dev.tollgate.translator.admission.schema;

import com.google.re2j.Pattern;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Schema {@code pattern}s evaluated with RE2, as the API server's Go regexp does: the same syntax,
 * and time linear in the input whatever it holds.
 */
final class Re2Patterns implements RegularExpressionFactory {

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(value).find();
  }
}
