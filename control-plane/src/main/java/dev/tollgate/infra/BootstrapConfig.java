package dev.tollgate.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.app.NetworkAddress;
import dev.tollgate.bootstrap.ProxyBootstrap;
import dev.tollgate.bootstrap.ReadinessListener;
import dev.tollgate.bootstrap.XdsToken;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.ProtoJson;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.validate.XdsValidator;

/**
 * The ConfigMap holding a Gateway's Envoy bootstrap (what {@code tollgate bootstrap} prints for
 * it, with the proxy's token when proxies are authenticated by token) and, beside it, the token's
 * secret file, projected next to the token so Envoy re-reads the token when the kubelet rotates it.
 */
final class BootstrapConfig {

  static final String BOOTSTRAP_KEY = "envoy.json";
  static final String CONFIG_DIR = "/etc/envoy";
  static final String TOKEN_DIR = "/var/run/secrets/tokens";
  static final String TOKEN_FILE = TOKEN_DIR + "/tollgate-xds";
  static final String TOKEN_SDS_KEY = "tollgate-xds-sds.yaml";
  static final String CA_DIR = "/etc/tollgate-xds-ca";
  static final int ADMIN_PORT = 19000;

  private BootstrapConfig() {}

  /** The bootstrap, or Envoy's rules it breaks (an xDS address Envoy cannot use, say). */
  static String bootstrapJson(ProxyGateway gw, java.util.List<String> problems) {
    InfrastructureSettings s = gw.settings();
    boolean token = s.tokenAudience() != null;
    ProxyBootstrap bootstrap = new ProxyBootstrap(gw.gatewayKey(), NetworkAddress.connecting(s.xdsAddress()), null,
        ADMIN_PORT, false, s.xdsCaConfigMap() == null ? null : CA_DIR + "/ca.crt", null, null,
        token ? TOKEN_FILE : null, null, ReadinessListener.DEFAULT_PORT);
    io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap built = bootstrap.build();
    new XdsValidator().validateMessage("bootstrap", built)
        .forEach(v -> problems.add("the proxies' bootstrap breaks Envoy's rules: " + v));
    return json(ProtoJson.toTree(built));
  }

  static ObjectNode configMap(ProxyGateway gw, String bootstrapJson) {
    ObjectNode cm = Mappers.json().createObjectNode();
    cm.put("apiVersion", "v1");
    cm.put("kind", "ConfigMap");
    cm.set("metadata", gw.metadata(gw.name()));
    ObjectNode data = cm.putObject("data");
    data.put(BOOTSTRAP_KEY, bootstrapJson);
    if (gw.settings().tokenAudience() != null) {
      data.put(TOKEN_SDS_KEY, json(ProtoJson.toTree(XdsToken.discoveryResponse(TOKEN_FILE))));
    }
    return cm;
  }

  /** The message as a file: Envoy rejects the {@code @type} a message's JSON form starts with. */
  private static String json(com.fasterxml.jackson.databind.JsonNode tree) {
    ObjectNode copy = ((ObjectNode) tree).deepCopy();
    copy.remove("@type");
    return TranslationDocument.toJson(copy);
  }
}
