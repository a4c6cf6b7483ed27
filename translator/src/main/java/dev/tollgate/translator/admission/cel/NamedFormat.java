package dev.tollgate.translator.admission.cel;

import dev.tollgate.translator.admission.meta.KubernetesNameRules;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The string formats {@code format.named()} knows, under the names rules use. {@code validate}
 * returns the problems, empty when the value is valid.
 */
enum NamedFormat {
  DNS1123_LABEL("dns1123Label", KubernetesNameRules::dns1123Label),
  DNS1123_SUBDOMAIN("dns1123Subdomain", KubernetesNameRules::dns1123Subdomain),
  DNS1035_LABEL("dns1035Label", KubernetesNameRules::dns1035Label),
  QUALIFIED_NAME("qualifiedName", KubernetesNameRules::qualifiedName),
  DNS1123_LABEL_PREFIX("dns1123LabelPrefix",
      value -> KubernetesNameRules.dns1123Label(KubernetesNameRules.maskTrailingDash(value))),
  DNS1123_SUBDOMAIN_PREFIX("dns1123SubdomainPrefix",
      value -> KubernetesNameRules.dns1123Subdomain(KubernetesNameRules.maskTrailingDash(value))),
  DNS1035_LABEL_PREFIX("dns1035LabelPrefix",
      value -> KubernetesNameRules.dns1035Label(KubernetesNameRules.maskTrailingDash(value))),
  LABEL_VALUE("labelValue", KubernetesNameRules::labelValue),
  URI("uri", OpenApiStringFormats::uri),
  UUID("uuid", OpenApiStringFormats::uuid),
  BYTE("byte", OpenApiStringFormats::base64),
  DATE("date", OpenApiStringFormats::date),
  DATETIME("datetime", OpenApiStringFormats::dateTime);

  private final String celName;
  private final Function<String, List<String>> rule;

  NamedFormat(String celName, Function<String, List<String>> rule) {
    this.celName = celName;
    this.rule = rule;
  }

  /** The name in {@code format.named('…')} and in {@code format.…()}. */
  String celName() {
    return celName;
  }

  List<String> validate(String value) {
    return rule.apply(value);
  }

  static Optional<NamedFormat> named(String celName) {
    for (NamedFormat format : values()) {
      if (format.celName.equals(celName)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "format." + celName;
  }
}
