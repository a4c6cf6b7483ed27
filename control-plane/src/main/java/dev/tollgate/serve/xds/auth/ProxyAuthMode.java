package dev.tollgate.serve.xds.auth;

import java.util.Arrays;
import java.util.Optional;

/** How proxies prove which Gateway they serve ({@code tollgate.proxy-auth}). */
public enum ProxyAuthMode {
  /** A projected ServiceAccount token in the stream's {@code authorization} metadata, checked with a TokenReview. */
  KUBERNETES_TOKEN("kubernetes-token"),
  /** Nothing is checked: any client of the xDS port gets any Gateway. Development only. */
  NONE("none");

  private final String setting;

  ProxyAuthMode(String setting) {
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  /**
   * The mode a setting names.
   *
   * @throws IllegalArgumentException naming the setting and the values it takes
   */
  public static ProxyAuthMode parse(String value) {
    return Arrays.stream(values()).filter(m -> m.setting.equals(value)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("tollgate.proxy-auth: \"" + value + "\" is neither kubernetes-token nor none"));
  }

  /**
   * The mode in effect: the setting when given; otherwise {@code kubernetes-token} when the
   * provider in effect ({@code ServeSettings.provider()}) is Kubernetes.
   */
  public static ProxyAuthMode resolve(Optional<String> setting, String provider) {
    if (setting.isPresent() && !setting.get().isEmpty()) {
      return parse(setting.get());
    }
    return "kubernetes".equals(provider) ? KUBERNETES_TOKEN : NONE;
  }
}
