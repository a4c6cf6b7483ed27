package dev.tollgate.certs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and keys as PEM files: keys as PKCS#8 ({@code PRIVATE KEY}), the form both Envoy
 * and gRPC read, created readable by their owner only.
 */
public final class PemFiles {

  private PemFiles() {}

  /** A problem with a file, its message naming the file. */
  public static final class FileException extends Exception {
    private final boolean exists;

    FileException(String message, Throwable cause) {
      this(message, cause, false);
    }

    FileException(String message, Throwable cause, boolean exists) {
      super(message, cause);
      this.exists = exists;
    }

    /** Whether the file was not written because it exists. */
    public boolean exists() {
      return exists;
    }
  }

  /**
   * Writes a certificate and its key, the key with mode 0600.
   *
   * @param replace whether existing files are replaced; otherwise an existing one is an error
   */
  public static void write(Issued issued, Path certificate, Path key, boolean replace) throws FileException {
    if (!replace) {
      for (Path file : new Path[] {certificate, key}) {
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          throw new FileException(file + ": already exists (--force replaces it)", null, true);
        }
      }
    }
    String keyPem;
    try {
      keyPem = pem(new JcaPKCS8Generator(issued.key(), null).generate());
    } catch (IOException e) {
      throw new IllegalStateException("the key could not be encoded", e);
    }
    writeFile(key, keyPem, true, replace);
    writeFile(certificate, pem(issued.certificate()), false, replace);
  }

  /** Reads a CA written by {@link #write}: its key must be the certificate's, and the certificate a CA's. */
  public static Issued readCa(Path certificate, Path key) throws FileException {
    X509Certificate cert = readCertificate(certificate);
    if (cert.getBasicConstraints() < 0) {
      throw new FileException(certificate + ": is not a CA certificate (no basicConstraints CA:true)", null);
    }
    PrivateKey privateKey = readKey(key);
    if (!matches(cert, privateKey)) {
      throw new FileException(key + ": is not the key of " + certificate, null);
    }
    return new Issued(cert, privateKey);
  }

  static X509Certificate readCertificate(Path file) throws FileException {
    try (var in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException e) {
      throw new FileException(file + ": " + problem(e, "read"), e);
    } catch (CertificateException | ClassCastException e) {
      throw new FileException(file + ": is not a PEM X.509 certificate", e);
    }
  }

  private static PrivateKey readKey(Path file) throws FileException {
    Object parsed;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
      parsed = parser.readObject();
    } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException e) {
      throw new FileException(file + ": " + problem(e, "read"), e);
    } catch (IOException e) {
      // the parser's message may quote the file's contents
      throw new FileException(file + ": cannot be read as a PEM private key", e);
    }
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (parsed instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (parsed instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
    } catch (IOException e) {
      throw new FileException(file + ": holds a private key of an unknown kind", e);
    }
    // the message names only what the file is, never what it holds
    throw new FileException(file + ": is not an unencrypted PEM private key", null);
  }

  private static boolean matches(X509Certificate certificate, PrivateKey key) {
    try {
      byte[] probe = "tollgate".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(certificate.getSigAlgName());
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(certificate.getSigAlgName());
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException("writing PEM to memory failed", e);
    }
    return out.toString();
  }

  private static void writeFile(Path file, String content, boolean secret, boolean replace) throws FileException {
    try {
      if (replace) {
        Files.deleteIfExists(file); // so a replaced key is created 0600 too, not left with the old file's mode
      }
      boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix");
      if (secret && posix) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(content);
      }
    } catch (FileAlreadyExistsException e) {
      throw new FileException(file + ": already exists (--force replaces it)", e, true);
    } catch (IOException e) {
      throw new FileException(file + ": " + problem(e, "written"), e);
    }
  }

  private static String problem(IOException e, String verb) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "cannot be " + verb + ": permission denied";
    }
    return "cannot be " + verb + ": " + e.getMessage();
  }
}
