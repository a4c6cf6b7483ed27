package dev.tollgate.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates made on the fly, as PEM. */
public final class TestCertificates {

  private TestCertificates() {}

  /** A certificate and its private key (PKCS#8), both PEM. */
  public record Pem(String certificate, String privateKey) {}

  public static Pem selfSigned(String commonName, String algorithm) {
    return selfSigned(commonName, algorithm, new String[0]);
  }

  /**
   * A self-signed certificate that may also act as its own CA (a trust anchor), valid for the
   * given DNS names.
   */
  public static Pem selfSigned(String commonName, String algorithm, String... dnsNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      generator.initialize(algorithm.equals("EC") ? 256 : 2048);
      KeyPair pair = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=" + commonName);
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, new java.security.SecureRandom()),
          Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic());
      if (dnsNames.length > 0) {
        org.bouncycastle.asn1.x509.GeneralName[] sans = new org.bouncycastle.asn1.x509.GeneralName[dnsNames.length];
        for (int i = 0; i < dnsNames.length; i++) {
          sans[i] = new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.dNSName, dnsNames[i]);
        }
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false,
            new org.bouncycastle.asn1.x509.GeneralNames(sans));
      }
      X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
              .build(pair.getPrivate()));
      return new Pem(pem(holder), pem(pair.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object o) throws java.io.IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o instanceof java.security.PrivateKey key
          ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : o);
    }
    return out.toString();
  }
}
