package dev.tollgate.serve.xds;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when files change, by content: certificate rotation tools replace files in many ways
 * (rewrite, rename, symlink swap), and only the content tells. A reload that fails (say, a key
 * written before its certificate) keeps what was loaded and is tried again at the next change.
 */
final class FileChanges {

  private static final Logger LOG = LoggerFactory.getLogger(FileChanges.class);

  /** What to do with changed files. */
  interface Reload {
    void run() throws IOException, GeneralSecurityException;
  }

  private final File[] files;
  private byte[] digest;

  FileChanges(File... files) {
    this.files = files;
    this.digest = digest();
  }

  synchronized void ifChanged(Reload reload, String what) {
    byte[] now = digest();
    if (now == null || Arrays.equals(now, digest)) {
      return;
    }
    try {
      reload.run();
      digest = now;
      LOG.info("reloaded {}", what);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      LOG.warn("could not reload {} ({}); still using the previous ones", what, e.getMessage());
    }
  }

  private byte[] digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (File f : files) {
        sha.update(Files.readAllBytes(f.toPath()));
        sha.update((byte) 0);
      }
      return sha.digest();
    } catch (IOException e) {
      return null; // being replaced: look again next time
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
