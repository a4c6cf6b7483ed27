package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicySecrets;
import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.ir.BasicAuthIr;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.model.envoygateway.BasicAuthSpec;
import dev.tollgate.translator.naming.XdsNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Translates {@code spec.basicAuth} for Envoy's basic auth filter. The htpasswd entries are
 * checked as Envoy will load them: {@code user:{SHA}base64} only (Envoy supports no other hash),
 * each user once. Problems name the Secret and the line, never the line's contents.
 */
final class BasicAuthTranslator {

  static final String FILTER = "envoy.filters.http.basic_auth";
  static final String KEY = ".htpasswd";
  private static final String FIELD = "spec.basicAuth";
  private static final String SHA = "{SHA}";

  private final PolicySecrets secrets;

  BasicAuthTranslator(PolicySecrets secrets) {
    this.secrets = secrets;
  }

  BasicAuthIr translate(KubernetesObject policy, String policyName, BasicAuthSpec spec, PolicyProblems problems) {
    String header = spec.forwardUsernameHeader();
    if (header != null && HttpSyntax.headerNameProblem(header) != null) {
      problems.add(FIELD + ".forwardUsernameHeader", HttpSyntax.headerNameProblem(header));
    }
    String htpasswd = spec.users() == null ? null : htpasswd(policy, spec, problems);
    if (spec.users() == null) {
      problems.add(FIELD + ".users", "is required");
    }
    return new BasicAuthIr(XdsNames.policyFilter(FILTER, policyName), htpasswd == null ? "" : htpasswd, header);
  }

  private String htpasswd(KubernetesObject policy, BasicAuthSpec spec, PolicyProblems problems) {
    String field = FIELD + ".users";
    Secret secret = secrets.read(policy, spec.users(), field, problems);
    if (secret == null) {
      return null;
    }
    String text;
    try {
      byte[] value = secret.value(KEY).orElse(null);
      if (value == null) {
        problems.add(field, PolicySecrets.describe(secret) + " has no key " + KEY);
        return null;
      }
      text = new String(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      problems.add(field, PolicySecrets.describe(secret) + " key " + KEY + " is not valid base64");
      return null;
    }
    StringBuilder out = new StringBuilder();
    Set<String> users = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = PolicySecrets.describe(secret) + " " + KEY + " line " + (i + 1);
      int colon = line.indexOf(':');
      if (colon <= 0) {
        problems.add(field, where + " is not user:hash");
        continue;
      }
      String user = line.substring(0, colon);
      String hash = line.substring(colon + 1);
      if (!hash.startsWith(SHA) || !isSha1(hash.substring(SHA.length()))) {
        problems.add(field, where + " (user " + user + ") is not a {SHA} hash, the only one Envoy checks (htpasswd -s)");
        continue;
      }
      if (!users.add(user)) {
        problems.add(field, where + " names user " + user + " again");
        continue;
      }
      out.append(user).append(':').append(hash).append('\n');
    }
    if (users.isEmpty() && problems.isEmpty()) {
      problems.add(field, PolicySecrets.describe(secret) + " " + KEY + " has no users");
    }
    return out.toString();
  }

  private static boolean isSha1(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length == 20;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
