package dev.tollgate.serve.provider.kubernetes;

import dev.tollgate.translator.extension.ExtensionKinds;
import dev.tollgate.translator.input.Kind;
import dev.tollgate.translator.input.Kinds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind the provider reads: one of {@link Kinds#ALL} or an extension server's kind. Built-in
 * kinds are always served in v1; a custom kind is watched in the version its
 * CustomResourceDefinition serves, once that is installed.
 *
 * @param versions the versions Tollgate reads; empty for an extension kind, read in any version
 */
record WantedKind(String group, String kind, Set<String> versions, String plural, boolean namespaced) {

  /** The groups of the kinds every API server serves without a CustomResourceDefinition. */
  private static final Set<String> BUILT_IN_GROUPS = Set.of("", "discovery.k8s.io");
  private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  static List<WantedKind> all(ExtensionKinds extensionKinds) {
    List<WantedKind> out = new ArrayList<>();
    for (Kind k : Kinds.ALL) {
      out.add(new WantedKind(k.group(), k.kind(), k.versions(), k.plural(), k.namespaced()));
    }
    extensionKinds.all().stream().sorted(Comparator.comparing(g -> g.group() + "/" + g.kind())).forEach(g ->
        out.add(new WantedKind(g.group(), g.kind(), Set.of(), "", true)));
    return out;
  }

  boolean builtIn() {
    return BUILT_IN_GROUPS.contains(group);
  }

  String key() {
    return group + "/" + kind;
  }

  /** The name its CustomResourceDefinition has, as far as it is known without one. */
  String crdName() {
    return plural.isEmpty() ? "for kind " + kind + " in " + group : plural + "." + group;
  }

  /** A built-in kind, in the newest version Tollgate reads. */
  WatchedKind builtInWatch() {
    return new WatchedKind(group, kind, versions.stream().max(WantedKind::compareVersions).orElseThrow(), plural, namespaced);
  }

  boolean definedBy(CustomResourceDefinition crd) {
    return crd.getSpec() != null && group.equals(crd.getSpec().getGroup()) && crd.getSpec().getNames() != null
        && kind.equals(crd.getSpec().getNames().getKind());
  }

  /**
   * Where the CRD serves this kind in a version Tollgate reads: the newest such (a Gateway API
   * install that still stores v1beta1 serves v1 as well); empty when it serves none.
   */
  Optional<WatchedKind> servedBy(CustomResourceDefinition crd) {
    Optional<String> chosen = crd.getSpec().getVersions().stream()
        .filter(v -> Boolean.TRUE.equals(v.getServed()) && (versions.isEmpty() || versions.contains(v.getName())))
        .map(CustomResourceDefinitionVersion::getName).max(WantedKind::compareVersions);
    boolean crdNamespaced = !"Cluster".equals(crd.getSpec().getScope());
    return chosen.map(v -> new WatchedKind(group, kind, v, crd.getSpec().getNames().getPlural(), crdNamespaced));
  }

  /** Kubernetes' version priority: GA over beta over alpha, then the higher numbers. */
  static int compareVersions(String a, String b) {
    return Long.compare(priority(a), priority(b));
  }

  private static long priority(String version) {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      return -1;
    }
    long major = Long.parseLong(m.group(1));
    int stability = m.group(2) == null ? 2 : m.group(2).equals("beta") ? 1 : 0;
    long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return stability * 1_000_000_000L + major * 10_000 + minor;
  }
}
