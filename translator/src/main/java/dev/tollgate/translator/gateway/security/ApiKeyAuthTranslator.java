package dev.tollgate.translator.gateway.security;

import dev.tollgate.translator.gateway.policy.PolicySecrets;
import dev.tollgate.translator.gateway.policy.PolicyProblems;
import dev.tollgate.translator.gateway.HttpSyntax;
import dev.tollgate.translator.ir.ApiKeyAuthIr;
import dev.tollgate.translator.model.KubernetesObject;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.model.envoygateway.ApiKeyAuthSpec;
import dev.tollgate.translator.naming.XdsNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Translates {@code spec.apiKeyAuth} for Envoy's API key filter. Keys are read from the Secrets
 * (a client listed in two Secrets keeps its first key, as Envoy Gateway does); two clients
 * sharing one key are refused, since the key would not say who is calling.
 */
final class ApiKeyAuthTranslator {

  static final String FILTER = "envoy.filters.http.api_key_auth";
  private static final String FIELD = "spec.apiKeyAuth";

  private final PolicySecrets secrets;

  ApiKeyAuthTranslator(PolicySecrets secrets) {
    this.secrets = secrets;
  }

  ApiKeyAuthIr translate(KubernetesObject policy, String policyName, ApiKeyAuthSpec spec, PolicyProblems problems) {
    Map<String, String> keyByClient = new LinkedHashMap<>();
    for (int i = 0; i < spec.credentialRefs().size(); i++) {
      String field = FIELD + ".credentialRefs[" + i + "]";
      Secret secret = secrets.read(policy, spec.credentialRefs().get(i), field, problems);
      if (secret == null) {
        continue;
      }
      for (String client : new TreeSet<>(keys(secret))) {
        byte[] value;
        try {
          value = secret.value(client).orElseThrow();
        } catch (IllegalArgumentException e) {
          problems.add(field, PolicySecrets.describe(secret) + " key " + client + " is not valid base64");
          continue;
        }
        String key = new String(value, StandardCharsets.UTF_8).strip();
        if (key.isEmpty() || HttpSyntax.headerValueProblem(key) != null) {
          problems.add(field, PolicySecrets.describe(secret) + " key " + client + " holds no usable API key (empty, or with CR, LF or NUL)");
          continue;
        }
        keyByClient.putIfAbsent(client, key);
      }
    }
    if (spec.credentialRefs().isEmpty()) {
      problems.add(FIELD + ".credentialRefs", "needs at least one Secret");
    } else if (keyByClient.isEmpty() && problems.isEmpty()) {
      problems.add(FIELD + ".credentialRefs", "the Secrets hold no API keys");
    }
    Map<String, String> clientByKey = new HashMap<>();
    List<ApiKeyAuthIr.Credential> credentials = new ArrayList<>();
    keyByClient.forEach((client, key) -> {
      String other = clientByKey.putIfAbsent(key, client);
      if (other != null) {
        problems.add(FIELD + ".credentialRefs", "clients " + other + " and " + client + " have the same API key; each client needs its own");
      }
      credentials.add(new ApiKeyAuthIr.Credential(client, key));
    });
    List<ApiKeyAuthIr.KeySource> sources = new ArrayList<>();
    List<String> removeHeaders = new ArrayList<>();
    boolean sanitize = Boolean.TRUE.equals(spec.sanitize());
    for (int i = 0; i < spec.extractFrom().size(); i++) {
      String field = FIELD + ".extractFrom[" + i + "]";
      ApiKeyAuthSpec.ExtractFrom from = spec.extractFrom().get(i);
      int kinds = (from.headers().isEmpty() ? 0 : 1) + (from.params().isEmpty() ? 0 : 1) + (from.cookies().isEmpty() ? 0 : 1);
      if (kinds != 1) {
        problems.add(field, "needs exactly one of headers, params or cookies");
      }
      for (int h = 0; h < from.headers().size(); h++) {
        String header = from.headers().get(h);
        String problem = HttpSyntax.headerNameProblem(header);
        if (problem != null) {
          problems.add(field + ".headers[" + h + "]", problem);
          continue;
        }
        sources.add(new ApiKeyAuthIr.KeySource(header.toLowerCase(Locale.ROOT), null, null));
        if (sanitize) {
          removeHeaders.add(header.toLowerCase(Locale.ROOT));
        }
      }
      from.params().forEach(p -> sources.add(new ApiKeyAuthIr.KeySource(null, p, null)));
      from.cookies().forEach(c -> sources.add(new ApiKeyAuthIr.KeySource(null, null, c)));
      if (sanitize && (!from.params().isEmpty() || !from.cookies().isEmpty())) {
        problems.add(FIELD + ".sanitize", "can only remove keys sent in headers; the key in a query parameter or cookie would still reach the backend");
      }
    }
    if (spec.extractFrom().isEmpty()) {
      problems.add(FIELD + ".extractFrom", "needs at least one source");
    }
    if (spec.forwardClientIDHeader() != null) {
      problems.add(FIELD + ".forwardClientIDHeader", "is not supported: the Envoy API Tollgate targets cannot forward the client ID");
    }
    return new ApiKeyAuthIr(XdsNames.policyFilter(FILTER, policyName), credentials, sources, removeHeaders.stream().distinct().toList());
  }

  private static java.util.Set<String> keys(Secret s) {
    java.util.Set<String> all = new java.util.HashSet<>(s.data().keySet());
    all.addAll(s.stringData().keySet());
    return all;
  }
}
