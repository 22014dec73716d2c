package lscb.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;

/** jjava's HMAC signer that also remembers, per thread, the last signature it computed (to spot replays). */
final class SigningKey extends HMACGenerator {
  private final ThreadLocal<String> last = new ThreadLocal<>();
  private final boolean unsigned;

  private SigningKey(String scheme, String key) throws NoSuchAlgorithmException, InvalidKeyException {
    super(scheme, key);
    unsigned = false;
  }

  private SigningKey() throws NoSuchAlgorithmException, InvalidKeyException {
    super("hmac-sha256", "unused");
    unsigned = true;
  }

  /** The connection file's key, or no signing when it has none (as Jupyter allows). */
  static SigningKey of(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
    String key = properties.getKey();
    return key == null || key.isEmpty() ? new SigningKey() : new SigningKey(properties.getSignatureScheme(), key);
  }

  @Override
  public synchronized String calculateSignature(byte[]... parts) {
    String signature = unsigned ? null : super.calculateSignature(parts);
    last.set(signature);
    return signature;
  }

  /** The signature this thread computed last: for a message just read, the (verified) one it carried. */
  String lastSignature() {
    return last.get();
  }
}
