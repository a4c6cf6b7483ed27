package dev.tollgate.translator.gateway.listener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Checks a certificate chain and private key in PEM before they are handed to Envoy: both parse,
 * and the key belongs to the first certificate. Messages never include key material.
 */
public final class TlsCertificates {

  private TlsCertificates() {}

  /** Thrown with a message safe to show users. */
  public static final class InvalidCertificateException extends Exception {
    public InvalidCertificateException(String message) {
      super(message);
    }
  }

  public static void check(byte[] certificatePem, byte[] keyPem) throws InvalidCertificateException {
    List<X509Certificate> chain = certificates(certificatePem);
    PrivateKey key = privateKey(keyPem);
    if (!belongTogether(key, chain.get(0).getPublicKey())) {
      throw new InvalidCertificateException("tls.key does not match the certificate in tls.crt");
    }
  }

  private static List<X509Certificate> certificates(byte[] pem) throws InvalidCertificateException {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (var c : factory.generateCertificates(new ByteArrayInputStream(pem))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new InvalidCertificateException("tls.crt holds no PEM certificate");
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new InvalidCertificateException("tls.crt is not a valid PEM certificate chain");
    }
  }

  private static PrivateKey privateKey(byte[] pem) throws InvalidCertificateException {
    try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
      Object parsed = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (parsed instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (parsed instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new InvalidCertificateException(
          "tls.key holds no unencrypted PEM private key (PKCS#1, PKCS#8 or SEC1)");
    } catch (IOException | RuntimeException e) {
      throw new InvalidCertificateException("tls.key is not a valid PEM private key");
    }
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null || !publicKey.getAlgorithm().equals(key.getAlgorithm())
        && !(publicKey.getAlgorithm().startsWith("EC") && key.getAlgorithm().startsWith("EC"))) {
      return false;
    }
    try {
      byte[] probe = "tollgate".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
