package dev.tollgate.extension.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.translator.admission.FieldPaths;
import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.extension.Hook;
import dev.tollgate.translator.extension.HookSettings;
import dev.tollgate.translator.gateway.Durations;
import dev.tollgate.translator.json.Binder;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.model.gatewayapi.GroupKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the extension configuration: an Envoy Gateway configuration file (kind EnvoyGateway, its
 * {@code extensionManager} is used), Envoy Gateway's ConfigMap holding that file under
 * {@code data."envoy-gateway.yaml"}, a document with an {@code extensionManager} key, or the
 * {@code extensionManager} mapping alone.
 */
public final class ExtensionConfigLoader {

  /** The key of Envoy Gateway's ConfigMap ({@code envoy-gateway-config}) that holds its configuration file. */
  static final String CONFIG_MAP_KEY = "envoy-gateway.yaml";

  private static final String HOOK_NAMES = java.util.Arrays.stream(Hook.values()).map(Hook::configName)
      .collect(Collectors.joining(", "));

  private ExtensionConfigLoader() {}

  public static ExtensionSettings load(Path file) throws ExtensionConfigException {
    JsonNode doc;
    try {
      doc = Mappers.yaml().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ExtensionConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file.toString(), doc, file.toAbsolutePath().getParent());
  }

  /** @param base the directory relative file names are resolved against */
  public static ExtensionSettings parse(String source, JsonNode doc, Path base) throws ExtensionConfigException {
    if (doc != null && doc.path("kind").asText().equals("ConfigMap")) {
      // Messages then name the key as well as the file, as a field path inside the ConfigMap.
      source = source + ": data.\"" + CONFIG_MAP_KEY + "\"";
      doc = configMapValue(source, doc);
    }
    String prefix = "";
    if (doc != null && doc.has("extensionManager")) {
      doc = doc.get("extensionManager");
      prefix = "extensionManager";
    } else if (doc != null && doc.path("kind").asText().equals("EnvoyGateway")) {
      throw new ExtensionConfigException(source + ": extensionManager: is required");
    }
    if (doc == null || !doc.isObject()) {
      throw new ExtensionConfigException(source + ": expected an extensionManager mapping");
    }
    Binder.Result<ExtensionManager> bound = Binder.bind(doc, ExtensionManager.class);
    if (!bound.ok()) {
      throw new ExtensionConfigException(source + ": " + bound.errorUnder(prefix));
    }
    List<String> warnings = new java.util.ArrayList<>();
    for (String field : bound.unknownFieldsUnder(prefix)) {
      warnings.add(source + ": " + field + ": unknown field, ignored");
    }
    ExtensionSettings s = new Checker(source, prefix, base).check(bound.value());
    return new ExtensionSettings(s.source(), s.kinds(), s.hooks(), s.target(), s.tls(), s.maxMessageSize(), s.timeout(), warnings);
  }

  /** The EnvoyGateway configuration a ConfigMap holds as text; {@code source} names the file and the key. */
  private static JsonNode configMapValue(String source, JsonNode configMap) throws ExtensionConfigException {
    JsonNode text = configMap.path("data").get(CONFIG_MAP_KEY);
    if (text == null) {
      throw new ExtensionConfigException(source + ": is required: Envoy Gateway's ConfigMap holds its configuration under this key");
    }
    if (!text.isTextual()) {
      throw new ExtensionConfigException(source + ": must be text: the EnvoyGateway configuration as a YAML string");
    }
    try {
      return Mappers.yaml().readTree(text.asText());
    } catch (JsonProcessingException e) {
      // The YAML parser's message spans lines: what is wrong, then indented where and a snippet; only the first kind is kept.
      String problem = e.getOriginalMessage().lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
          .collect(Collectors.joining("; "));
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + " of the text)";
      throw new ExtensionConfigException(source + ": not valid YAML: " + problem + line);
    }
  }

  /** Turns the bound settings into {@link ExtensionSettings}, naming the first bad field. */
  private record Checker(String source, String prefix, Path base) {

    ExtensionSettings check(ExtensionManager m) throws ExtensionConfigException {
      ExtensionKinds kinds = new ExtensionKinds(kinds(m.resources(), "resources"), kinds(m.policyResources(), "policyResources"),
          kinds(m.backendResources(), "backendResources"));
      ExtensionManager.XdsTranslatorHooks xds = m.hooks() == null ? null : m.hooks().xdsTranslator();
      Set<Hook> enabled = EnumSet.noneOf(Hook.class);
      if (xds != null) {
        if (!xds.pre().isEmpty()) {
          throw fail("hooks.xdsTranslator.pre", "pre-translation hooks are not supported; use post");
        }
        for (int i = 0; i < xds.post().size(); i++) {
          String name = xds.post().get(i);
          int at = i;
          enabled.add(Hook.fromConfigName(name).orElseThrow(() -> fail("hooks.xdsTranslator.post[" + at + "]",
              "\"" + name + "\" is not one of " + HOOK_NAMES)));
        }
      }
      HookSettings.TranslationScope scope = scope(xds == null ? null : xds.translation());
      boolean failOpen = Boolean.TRUE.equals(m.failOpen());
      int maxMessageSize = ExtensionSettings.DEFAULT_MAX_MESSAGE_SIZE;
      if (m.maxMessageSize() != null) {
        long bytes = Quantities.bytes(m.maxMessageSize());
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
          throw fail("maxMessageSize", "\"" + m.maxMessageSize() + "\" is not a quantity between 1 and 2Gi, such as 4M or 16Mi");
        }
        maxMessageSize = (int) bytes;
      }
      Duration timeout = ExtensionSettings.DEFAULT_TIMEOUT;
      if (m.timeout() != null) {
        try {
          timeout = Duration.ofMillis(Durations.toMillis(m.timeout()));
        } catch (IllegalArgumentException e) {
          throw fail("timeout", e.getMessage());
        }
        if (timeout.isZero()) {
          throw fail("timeout", "must be more than zero");
        }
      }
      if (m.service() == null) {
        throw fail("service", "is required");
      }
      return new ExtensionSettings(source, kinds, new HookSettings(enabled, failOpen, scope, Boolean.TRUE.equals(m.allowAuthorizationChanges())), target(m.service()),
          tls(m.service().tls()), maxMessageSize, timeout);
    }

    private Set<GroupKind> kinds(List<ExtensionManager.GroupVersionKind> list, String field) throws ExtensionConfigException {
      Set<GroupKind> out = new LinkedHashSet<>();
      for (int i = 0; i < list.size(); i++) {
        var gvk = list.get(i);
        if (gvk == null || gvk.kind() == null || gvk.kind().isEmpty()) {
          throw fail(field + "[" + i + "].kind", "is required");
        }
        if (gvk.group() == null || gvk.group().isEmpty()) {
          throw fail(field + "[" + i + "].group", "is required: extension kinds belong to an API group of their own");
        }
        out.add(new GroupKind(gvk.group(), gvk.kind()));
      }
      return out;
    }

    private static HookSettings.TranslationScope scope(ExtensionManager.Translation t) {
      HookSettings.TranslationScope d = HookSettings.TranslationScope.DEFAULT;
      if (t == null) {
        return d;
      }
      return new HookSettings.TranslationScope(include(t.listener(), d.listeners()), include(t.route(), d.routes()),
          include(t.cluster(), d.clusters()), include(t.secret(), d.secrets()));
    }

    private static boolean include(ExtensionManager.Include include, boolean fallback) {
      return include == null || include.includeAll() == null ? fallback : include.includeAll();
    }

    private ExtensionSettings.Target target(ExtensionManager.Service s) throws ExtensionConfigException {
      int set = (s.fqdn() != null ? 1 : 0) + (s.ip() != null ? 1 : 0) + (s.unix() != null ? 1 : 0) + (s.host() != null ? 1 : 0);
      if (set != 1) {
        throw fail("service", "exactly one of fqdn, ip, unix and host must be set");
      }
      if (s.unix() != null) {
        if (s.unix().path() == null || s.unix().path().isEmpty()) {
          throw fail("service.unix.path", "is required");
        }
        return new ExtensionSettings.UnixTarget(Path.of(s.unix().path()));
      }
      String field = s.fqdn() != null ? "service.fqdn" : s.ip() != null ? "service.ip" : "service";
      String host = s.fqdn() != null ? s.fqdn().hostname() : s.ip() != null ? s.ip().address() : s.host();
      Integer port = s.fqdn() != null ? s.fqdn().port() : s.ip() != null ? s.ip().port() : s.port();
      if (host == null || host.isEmpty()) {
        throw fail(field + (s.fqdn() != null ? ".hostname" : s.ip() != null ? ".address" : ".host"), "is required");
      }
      if (port == null || port < 1 || port > 65535) {
        throw fail(field + ".port", "must be between 1 and 65535");
      }
      return new ExtensionSettings.TcpTarget(host, port);
    }

    private ExtensionSettings.TlsFiles tls(ExtensionManager.Tls tls) throws ExtensionConfigException {
      if (tls == null) {
        return null;
      }
      if (tls.certificateRef() != null || tls.clientCertificateRef() != null) {
        throw fail("service.tls." + (tls.certificateRef() != null ? "certificateRef" : "clientCertificateRef"),
            "Secrets are not read for the extension connection; give PEM files as caFile, certificateFile and keyFile");
      }
      if (tls.caFile() == null) {
        throw fail("service.tls.caFile", "is required to verify the extension server");
      }
      if ((tls.certificateFile() == null) != (tls.keyFile() == null)) {
        throw fail("service.tls." + (tls.keyFile() == null ? "keyFile" : "certificateFile"), "certificateFile and keyFile go together");
      }
      return new ExtensionSettings.TlsFiles(file(tls.caFile()), file(tls.certificateFile()), file(tls.keyFile()));
    }

    private Path file(String name) {
      return name == null ? null : base == null ? Path.of(name) : base.resolve(name);
    }

    private ExtensionConfigException fail(String field, String message) {
      return new ExtensionConfigException(source + ": " + FieldPaths.located(FieldPaths.join(prefix, field), message));
    }
  }
}
