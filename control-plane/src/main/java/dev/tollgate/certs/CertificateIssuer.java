package dev.tollgate.certs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the certificates of Tollgate's xDS port, all ECDSA P-256 signed with SHA-256: a CA, the
 * server's certificate (serverAuth) and proxies' client certificates (clientAuth) naming their
 * Gateway with a {@link GatewayId} URI SAN.
 */
public final class CertificateIssuer {

  public static final Duration CA_VALIDITY = Duration.ofDays(3650);
  public static final Duration LEAF_VALIDITY = Duration.ofDays(365);
  /** Certificates start a little in the past, so a peer whose clock is behind does not refuse a fresh one. */
  static final Duration BACKDATE = Duration.ofHours(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateIssuer() {}

  /** A self-signed CA that may sign leaves only (path length 0). */
  public static Issued ca(String commonName, Instant now, Duration validity) {
    KeyPair pair = keyPair();
    X500Name name = name(commonName);
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = builder(name, name, pair, now, validity)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
      return new Issued(sign(builder, pair.getPrivate()), pair.getPrivate());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("a CA could not be built", e);
    }
  }

  /** The certificate of Tollgate's xDS port, for the names and addresses proxies connect to. */
  public static Issued server(Issued ca, List<String> dnsNames, List<InetAddress> addresses, Instant now, Duration validity) {
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
    addresses.forEach(a -> sans.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress())));
    String commonName = dnsNames.isEmpty() ? addresses.get(0).getHostAddress() : dnsNames.get(0);
    return leaf(ca, commonName, sans, KeyPurposeId.id_kp_serverAuth, now, validity);
  }

  /** A proxy's client certificate: its only URI SAN names the Gateway ({@code NAMESPACE/NAME}) it serves. */
  public static Issued proxy(Issued ca, String gateway, Instant now, Duration validity) {
    return client(ca, gateway, List.of(GatewayId.uri(gateway)), now, validity);
  }

  /** A client certificate with exactly these URI SANs (none, several: what a proxy certificate must not be). */
  public static Issued client(Issued ca, String commonName, List<String> uris, Instant now, Duration validity) {
    List<GeneralName> sans = uris.stream().map(u -> new GeneralName(GeneralName.uniformResourceIdentifier, u)).toList();
    return leaf(ca, commonName, sans, KeyPurposeId.id_kp_clientAuth, now, validity);
  }

  private static Issued leaf(Issued ca, String commonName, List<GeneralName> sans, KeyPurposeId purpose, Instant now,
      Duration validity) {
    KeyPair pair = keyPair();
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder = builder(issuer, name(commonName), pair, now, validity)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.certificate()));
      if (!sans.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      return new Issued(sign(builder, ca.key()), pair.getPrivate());
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("a certificate could not be built", e);
    }
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair pair, Instant now, Duration validity) {
    return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
        Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, pair.getPublic());
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, java.security.PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JRE has ECDSA P-256", e);
    }
  }
}
