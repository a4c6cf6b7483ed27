package dev.tollgate.serve;

import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ReadLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's settings, under {@code tollgate.*}: from {@code application.yml}, a file named by
 * {@code --config}, environment variables ({@code TOLLGATE_XDS_ADDRESS}) or {@code serve}'s flags.
 */
@ConfigurationProperties("tollgate")
public class ServeSettings {

  /** Manifest files or directories the file provider watches. */
  private List<String> resources = new ArrayList<>();
  /** {@code kubernetes} or {@code file}; when unset, {@code kubernetes} inside a pod and {@code file} elsewhere. */
  private String provider;
  /** The namespaces the Kubernetes provider watches; every namespace when empty. */
  private List<String> namespaces = new ArrayList<>();
  /** A kubeconfig file the Kubernetes provider connects with; fabric8's own discovery (in-cluster, {@code KUBECONFIG}, {@code ~/.kube/config}) when unset. */
  private String kubeconfig;
  /** How often the Kubernetes informers resync their caches; a resync that changes nothing pushes nothing. */
  private Duration resyncInterval = Duration.ofMinutes(10);
  /**
   * The Kubernetes provider reads only the Secrets and ConfigMaps translations reference, each by
   * name, instead of listing and watching all of them: narrower RBAC, no unrelated keys in memory.
   */
  private boolean leastPrivilege;
  /** {@code host:port}, {@code [ipv6]:port}, or {@code unix:/path} for a unix domain socket; read by {@code NetworkAddress}. */
  private String xdsAddress = "127.0.0.1:18000";
  private String controllerName = TranslatorConfig.DEFAULT_CONTROLLER_NAME;
  /** Envoy Gateway's {@code enableBackend}: off unless asked for, as there. */
  private boolean enableBackend;
  /** A file configuring the extension server, as Envoy Gateway's {@code extensionManager}; none when empty. */
  private String extensionConfig;

  /** Envoy Gateway's {@code enableEnvoyPatchPolicy}: off unless asked for, as there. */
  private boolean enableEnvoyPatchPolicy;
  /** How long the inputs must stay unchanged before a burst of changes is translated. */
  private Duration debounce = Duration.ofMillis(100);
  /**
   * How long clusters, endpoints and secrets no longer used stay served after the listeners and
   * routes that used them have changed, so a proxy never routes to what it no longer has.
   */
  private Duration removalDelay = Duration.ofSeconds(2);
  private Tls xdsTls = new Tls();
  private WasmModules wasm = new WasmModules();
  /** The largest manifest file read, as a size ({@code 32Mi}); a larger one is refused, and its last readable contents kept. */
  private String maxFileSize = "32Mi";
  /** The largest single YAML document (one object) read, as a size ({@code 3Mi}, the API server's own limit). */
  private String maxDocumentSize = "3Mi";
  /**
   * How long a translation may run, or changes seen wait to be read and translated, before
   * {@code /health/liveness} says the daemon is stuck.
   */
  private Duration livenessTimeout = Duration.ofMinutes(2);

  /** TLS on the xDS port: a certificate and key, and with a client CA, mutual TLS. Reloaded when the files change. */
  @ConfigurationProperties("xds-tls")
  public static class Tls {
    private String certificate;
    private String key;
    private String clientCa;
    private Duration reloadInterval = Duration.ofSeconds(10);

    public boolean enabled() {
      return certificate != null && !certificate.isEmpty();
    }

    public String getCertificate() {
      return certificate;
    }

    public void setCertificate(String certificate) {
      this.certificate = certificate;
    }

    public String getKey() {
      return key;
    }

    public void setKey(String key) {
      this.key = key;
    }

    public String getClientCa() {
      return clientCa;
    }

    public void setClientCa(String clientCa) {
      this.clientCa = clientCa;
    }

    public Duration getReloadInterval() {
      return reloadInterval;
    }

    public void setReloadInterval(Duration reloadInterval) {
      this.reloadInterval = reloadInterval;
    }
  }

  public WasmModules getWasm() {
    return wasm;
  }

  public void setWasm(WasmModules wasm) {
    this.wasm = wasm;
  }

  /**
   * Wasm modules of EnvoyExtensionPolicies: fetched by the daemon, kept in {@code cacheDir}, and
   * served to proxies on {@code address}; proxies are told to fetch them from
   * {@code advertisedHost:port}. Without an advertised host no module server runs and policies
   * with Wasm fail closed.
   */
  @ConfigurationProperties("wasm")
  public static class WasmModules {
    private String cacheDir = System.getProperty("java.io.tmpdir") + "/tollgate-wasm";
    private String cacheSize = "1Gi";
    /** {@code host:port} the module server binds. */
    private String address = "0.0.0.0:18002";
    /** The name proxies reach this daemon by (its Service), or empty for no module server. */
    private String advertisedHost = "";
    /** Registries reached over plain HTTP besides loopback ones. */
    private List<String> insecureRegistries = new ArrayList<>();

    public String getCacheDir() {
      return cacheDir;
    }

    public void setCacheDir(String cacheDir) {
      this.cacheDir = cacheDir;
    }

    public String getCacheSize() {
      return cacheSize;
    }

    public void setCacheSize(String cacheSize) {
      this.cacheSize = cacheSize;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public String getAdvertisedHost() {
      return advertisedHost;
    }

    public void setAdvertisedHost(String advertisedHost) {
      this.advertisedHost = advertisedHost;
    }

    public List<String> getInsecureRegistries() {
      return insecureRegistries;
    }

    public void setInsecureRegistries(List<String> insecureRegistries) {
      this.insecureRegistries = insecureRegistries;
    }

    /** The bound port, from {@code address}. */
    public int port() {
      return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    public String bindHost() {
      return address.substring(0, address.lastIndexOf(':')).replace("[", "").replace("]", "");
    }
  }

  /** The translation settings the daemon runs with. */
  public TranslatorConfig translatorConfig() {
    return translatorConfig(dev.tollgate.translator.wasm.WasmModules.NONE);
  }

  /** The translation settings the daemon runs with, fetching Wasm modules through {@code modules}. */
  public TranslatorConfig translatorConfig(dev.tollgate.translator.wasm.WasmModules modules) {
    return TranslatorConfig.offline()
        .withWasmModules(modules)
        .withControllerName(controllerName)
        .withBackendsEnabled(enableBackend)
        .withEnvoyPatchPolicyEnabled(enableEnvoyPatchPolicy);
  }

  /**
   * How much of the manifests is read.
   *
   * @throws IllegalArgumentException naming the setting and the value, when a size cannot be read
   */
  public ReadLimits readLimits() {
    return ReadLimits.DEFAULT.withMaxFileBytes(size("tollgate.max-file-size", maxFileSize))
        .withMaxDocumentBytes(size("tollgate.max-document-size", maxDocumentSize));
  }

  private static long size(String setting, String value) {
    try {
      return ReadLimits.parseSize(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
    }
  }

  public Duration getLivenessTimeout() {
    return livenessTimeout;
  }

  public void setLivenessTimeout(Duration livenessTimeout) {
    this.livenessTimeout = livenessTimeout;
  }

  public String getMaxFileSize() {
    return maxFileSize;
  }

  public void setMaxFileSize(String maxFileSize) {
    this.maxFileSize = maxFileSize;
  }

  public String getMaxDocumentSize() {
    return maxDocumentSize;
  }

  public void setMaxDocumentSize(String maxDocumentSize) {
    this.maxDocumentSize = maxDocumentSize;
  }

  public String getExtensionConfig() {
    return extensionConfig;
  }

  public void setExtensionConfig(String extensionConfig) {
    this.extensionConfig = extensionConfig;
  }

  public List<String> getResources() {
    return resources;
  }

  public void setResources(List<String> resources) {
    this.resources = resources;
  }

  /** The provider to run: the one set, else {@code kubernetes} when running in a pod (the API server's address is in the environment), else {@code file}. */
  public String provider() {
    if (provider != null && !provider.isEmpty()) {
      return provider;
    }
    return System.getenv("KUBERNETES_SERVICE_HOST") != null ? "kubernetes" : "file";
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public String getKubeconfig() {
    return kubeconfig;
  }

  public void setKubeconfig(String kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  public Duration getResyncInterval() {
    return resyncInterval;
  }

  public void setResyncInterval(Duration resyncInterval) {
    this.resyncInterval = resyncInterval;
  }

  public boolean isLeastPrivilege() {
    return leastPrivilege;
  }

  public void setLeastPrivilege(boolean leastPrivilege) {
    this.leastPrivilege = leastPrivilege;
  }

  public String getXdsAddress() {
    return xdsAddress;
  }

  public void setXdsAddress(String xdsAddress) {
    this.xdsAddress = xdsAddress;
  }

  public String getControllerName() {
    return controllerName;
  }

  public void setControllerName(String controllerName) {
    this.controllerName = controllerName;
  }

  public boolean isEnableBackend() {
    return enableBackend;
  }

  public void setEnableBackend(boolean enableBackend) {
    this.enableBackend = enableBackend;
  }

  public boolean isEnableEnvoyPatchPolicy() {
    return enableEnvoyPatchPolicy;
  }

  public void setEnableEnvoyPatchPolicy(boolean enableEnvoyPatchPolicy) {
    this.enableEnvoyPatchPolicy = enableEnvoyPatchPolicy;
  }

  public Duration getDebounce() {
    return debounce;
  }

  public void setDebounce(Duration debounce) {
    this.debounce = debounce;
  }

  public Duration getRemovalDelay() {
    return removalDelay;
  }

  public void setRemovalDelay(Duration removalDelay) {
    this.removalDelay = removalDelay;
  }

  public Tls getXdsTls() {
    return xdsTls;
  }

  public void setXdsTls(Tls xdsTls) {
    this.xdsTls = xdsTls;
  }
}
