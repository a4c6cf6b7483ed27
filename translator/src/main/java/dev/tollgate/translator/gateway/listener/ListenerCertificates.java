package dev.tollgate.translator.gateway.listener;

import dev.tollgate.translator.model.ObjectKey;
import static dev.tollgate.translator.status.ConditionTypes.ACCEPTED;
import static dev.tollgate.translator.status.ConditionTypes.PROGRAMMED;
import static dev.tollgate.translator.status.ConditionTypes.RESOLVED_REFS;

import dev.tollgate.translator.gateway.GatewayState;
import dev.tollgate.translator.gateway.ListenerState;
import dev.tollgate.translator.gateway.ReferenceGrants;
import dev.tollgate.translator.gateway.ReferenceGrants.Ref;
import dev.tollgate.translator.input.Kinds;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.ir.TlsIr;
import dev.tollgate.translator.ir.TlsIr.CertificateIr;
import dev.tollgate.translator.model.core.Secret;
import dev.tollgate.translator.model.gatewayapi.Gateway;
import dev.tollgate.translator.naming.XdsNames;
import dev.tollgate.translator.status.ConditionTypes.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves an HTTPS listener's certificateRefs to validated certificates. A listener keeps the
 * certificates that are usable: any unusable one sets ResolvedRefs=False (RefNotPermitted for a
 * reference no ReferenceGrant allows, which the specification requires whatever the other refs
 * say; InvalidCertificateRef otherwise). A bad reference is not a bad listener, so Accepted stays
 * True; with no usable certificate at all the listener is not programmed.
 */
public final class ListenerCertificates {

  static final List<String> ALPN = List.of("h2", "http/1.1");

  private final ResourceSet resources;
  private final ReferenceGrants grants;

  public ListenerCertificates(ResourceSet resources, ReferenceGrants grants) {
    this.resources = resources;
    this.grants = grants;
  }

  public void resolve(GatewayState gateway, ListenerState listener) {
    Gateway.ListenerTls tls = listener.spec().tls();
    if (tls == null) {
      reject(listener, "tls is required on an HTTPS listener");
      return;
    }
    String mode = Objects.requireNonNullElse(tls.mode(), "Terminate");
    if (!mode.equals("Terminate")) {
      reject(listener, "tls.mode " + mode + " is not supported on HTTPS listeners; use Terminate");
      return;
    }
    if (tls.certificateRefs().isEmpty()) {
      reject(listener, "tls.certificateRefs must name at least one Secret");
      return;
    }
    List<CertificateIr> usable = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean notPermitted = false;
    for (int i = 0; i < tls.certificateRefs().size(); i++) {
      RefProblem problem = load(gateway, tls.certificateRefs().get(i), usable);
      if (problem != null) {
        problems.add("tls.certificateRefs[" + i + "]: " + problem.message());
        notPermitted |= problem.reason().equals(Reason.REF_NOT_PERMITTED);
      }
    }
    if (!problems.isEmpty()) {
      // Unsupported route kinds, found earlier, keep their say: the first problem found wins.
      listener.conditions().setIfAbsent(RESOLVED_REFS, false,
          notPermitted ? Reason.REF_NOT_PERMITTED : Reason.INVALID_CERTIFICATE_REF, String.join("; ", problems));
    }
    if (usable.isEmpty()) {
      listener.conditions().set(PROGRAMMED, false, Reason.INVALID,
          "Listener has no usable certificate, see the ResolvedRefs condition");
      listener.markUnprogrammable();
      return;
    }
    listener.setTls(new TlsIr(usable, ALPN));
  }

  private record RefProblem(String reason, String message) {
    static RefProblem invalid(String message) {
      return new RefProblem(Reason.INVALID_CERTIFICATE_REF, message);
    }
  }

  /** Adds the certificate to {@code usable}, or says why it cannot. */
  private RefProblem load(GatewayState gateway, Gateway.SecretObjectReference ref, List<CertificateIr> usable) {
    String group = Objects.requireNonNullElse(ref.group(), "");
    String kind = Objects.requireNonNullElse(ref.kind(), "Secret");
    if (!group.isEmpty() || !kind.equals("Secret")) {
      return RefProblem.invalid("kind " + kind + (group.isEmpty() ? "" : "." + group) + " is not supported; use a Secret");
    }
    String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? gateway.namespace() : ref.namespace();
    String name = Objects.requireNonNullElse(ref.name(), "");
    if (!grants.permits(Ref.from(Kinds.GATEWAY_API_GROUP, "Gateway", gateway.namespace()), new Ref("", "Secret", namespace, name))) {
      return new RefProblem(Reason.REF_NOT_PERMITTED,
          "Secret " + namespace + "/" + name + " is in another namespace and no ReferenceGrant allows it");
    }
    Optional<Secret> secret = resources.secret(namespace, name);
    if (secret.isEmpty()) {
      return RefProblem.invalid("Secret " + namespace + "/" + name + " " + resources.whyMissing(new ObjectKey("Secret", namespace, name)));
    }
    Secret s = secret.get();
    if (!Secret.TYPE_TLS.equals(s.type())) {
      return RefProblem.invalid("Secret " + namespace + "/" + name + " is of type " + s.type() + ", not " + Secret.TYPE_TLS);
    }
    byte[] cert;
    byte[] key;
    try {
      cert = s.value("tls.crt").orElse(null);
      key = s.value("tls.key").orElse(null);
    } catch (IllegalArgumentException e) {
      return RefProblem.invalid("Secret " + namespace + "/" + name + " holds data that is not base64");
    }
    if (cert == null || key == null) {
      return RefProblem.invalid("Secret " + namespace + "/" + name + " must hold tls.crt and tls.key");
    }
    try {
      TlsCertificates.check(cert, key);
    } catch (TlsCertificates.InvalidCertificateException e) {
      return RefProblem.invalid("Secret " + namespace + "/" + name + ": " + e.getMessage());
    }
    String xdsName = XdsNames.secret(namespace, name);
    if (usable.stream().noneMatch(c -> c.name().equals(xdsName))) {
      usable.add(new CertificateIr(xdsName, s.key(),
          new String(cert, StandardCharsets.UTF_8), new String(key, StandardCharsets.UTF_8)));
    }
    return null;
  }

  /** TLS settings the listener cannot work with at all: a value Tollgate cannot use. */
  private static void reject(ListenerState listener, String message) {
    listener.conditions().set(ACCEPTED, false, Reason.UNSUPPORTED_VALUE, message);
    listener.markUnprogrammable();
  }
}
