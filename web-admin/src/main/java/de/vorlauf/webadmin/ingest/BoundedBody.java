package de.vorlauf.webadmin.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit and stops there: a client announcing a small body and sending
 * a huge one (or sending chunked without a length) costs at most {@code limit} bytes.
 */
public final class BoundedBody {

  private BoundedBody() {}

  /**
   * @param declaredLength the Content-Length header, or -1 when absent; beyond the limit the body
   *     is refused without reading it
   */
  public static byte[] read(InputStream in, long declaredLength, int limit)
      throws IOException, BodyTooLargeException {
    if (declaredLength > limit) {
      throw new BodyTooLargeException(limit);
    }
    int initial = declaredLength >= 0 ? (int) declaredLength : Math.min(limit, 8_192);
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 16));
    byte[] buffer = new byte[8_192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        throw new BodyTooLargeException(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
