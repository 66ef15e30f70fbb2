package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Replaces Paho 1.2.5's class of the same name (same package, same public members) on the worker's
 * class path, because that one overrides only {@code read()}: {@code InputStream}'s default bulk
 * read then copies every received packet twice, one virtual call per byte. In the ingest benchmark
 * that was a quarter of the worker's CPU; reading in bulk makes it vanish from the profile.
 *
 * <p>Why a class on the class path and not a fix elsewhere: Paho wraps the packet's byte array in
 * this stream inside {@code MqttWireMessage.createWireMessage}, with no hook to pass another. The
 * worker jar precedes Paho's jar on the class path (its manifest lists {@code lib/}), so this class
 * wins; {@code PahoStreamPatchTest} fails if it ever does not, or if Paho's own class changes shape
 * (upgrade Paho: re-check, and drop this class once upstream reads in bulk).
 */
public class CountingInputStream extends InputStream {

  private final InputStream inputStream;
  private int counter;

  public CountingInputStream(InputStream inputStream) {
    this.inputStream = inputStream;
  }

  @Override
  public int read() throws IOException {
    int i = inputStream.read();
    if (i != -1) {
      counter++;
    }
    return i;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = inputStream.read(buffer, offset, length);
    if (n > 0) {
      counter += n;
    }
    return n;
  }

  public int getCounter() {
    return counter;
  }

  public void resetCounter() {
    counter = 0;
  }
}
