package de.vorlauf.bench;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One device's MQTT 3.1.1 connection publishing QoS 1 without waiting for each PUBACK: up to {@link
 * #WINDOW} messages in flight, which is how a gateway with a backlog publishes.
 *
 * <p>A minimal client written for the load generator on purpose. The benchmark runs publishers,
 * broker, worker and database on the same two cores, while in production the devices are other
 * machines; a hundred Paho clients (three threads each, a token and callbacks per message) took a
 * whole core of the two for themselves. This one frames PUBLISH packets into a buffered socket and
 * counts PUBACKs on one reader thread per connection, so the load generator takes little of what it
 * measures. The broker and the worker see ordinary MQTT 3.1.1 QoS 1 traffic.
 */
final class Publisher implements AutoCloseable {

  static final int WINDOW = 500;

  private final String clientId;
  private final Socket socket;
  private final OutputStream out;
  private final Semaphore inFlight = new Semaphore(WINDOW);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Thread reader;
  private int nextPacketId = 1;

  private Publisher(String clientId, Socket socket) throws IOException {
    this.clientId = clientId;
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    this.reader = new Thread(this::readAcks, "bench-pubacks-" + clientId);
    this.reader.setDaemon(true);
  }

  static Publisher connect(String url, String clientId) throws IOException {
    URI uri = URI.create(url);
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
    Publisher publisher = new Publisher(clientId, socket);
    publisher.handshake();
    publisher.reader.start();
    return publisher;
  }

  private void handshake() throws IOException {
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    Packet connect = new Packet(0x10, 10 + 2 + id.length);
    connect.string("MQTT".getBytes(StandardCharsets.US_ASCII));
    connect.bytes(4, 0x02, 0, 0); // protocol level 4, clean session, keep alive off
    connect.string(id);
    connect.writeTo(out);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int type = in.readUnsignedByte();
    int length = in.readUnsignedByte();
    in.readUnsignedByte(); // session present
    int code = in.readUnsignedByte();
    if (type != 0x20 || length != 2 || code != 0) {
      throw new IOException(clientId + ": CONNACK refused (return code " + code + ")");
    }
  }

  /** Sends one QoS 1 message; blocks while the window is full. Not thread-safe. */
  void publish(String topic, byte[] payload) throws Exception {
    Throwable failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException("the connection of " + clientId + " failed", failed);
    }
    if (!inFlight.tryAcquire()) {
      out.flush(); // the broker acknowledges only what it received
      inFlight.acquire();
    }
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    Packet publish = new Packet(0x32, 2 + name.length + 2 + payload.length);
    publish.string(name);
    int packetId = nextPacketId;
    nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
    publish.bytes(packetId >> 8, packetId & 0xFF);
    publish.writeTo(out);
    out.write(payload);
  }

  /** Sends what is buffered. */
  void flush() throws IOException {
    out.flush();
  }

  /** Waits until every message this publisher sent was acknowledged by the broker. */
  void drain() throws Exception {
    out.flush();
    if (!inFlight.tryAcquire(WINDOW, 5, TimeUnit.MINUTES)) {
      throw new IllegalStateException(clientId + ": PUBACKs missing after 5 minutes");
    }
    inFlight.release(WINDOW);
    Throwable failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException("the connection of " + clientId + " failed", failed);
    }
  }

  private void readAcks() {
    byte[] buffer = new byte[4 * 1024];
    int filled = 0;
    try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
      while (true) {
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
          throw new EOFException("the broker closed the connection");
        }
        filled += n;
        int acks = 0;
        int at = 0;
        while (filled - at >= 4) {
          if ((buffer[at] & 0xFF) != 0x40 || buffer[at + 1] != 2) {
            throw new IOException("unexpected packet type " + (buffer[at] & 0xFF));
          }
          acks++;
          at += 4;
        }
        System.arraycopy(buffer, at, buffer, 0, filled - at);
        filled -= at;
        inFlight.release(acks);
      }
    } catch (IOException e) {
      if (!socket.isClosed()) {
        failure.compareAndSet(null, e);
        inFlight.release(WINDOW); // wake a blocked publish so it reports the failure
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.write(new byte[] {(byte) 0xE0, 0}); // DISCONNECT
      out.flush();
    } finally {
      socket.close();
    }
  }

  /** A packet's fixed header and variable header; the payload is written after it. */
  private static final class Packet {
    private final byte[] bytes;
    private int at;

    Packet(int type, int remaining) {
      byte[] header = new byte[5];
      int n = 0;
      header[n++] = (byte) type;
      int value = remaining;
      do {
        int digit = value % 128;
        value /= 128;
        header[n++] = (byte) (value > 0 ? digit | 0x80 : digit);
      } while (value > 0);
      // room for the variable header; the payload is not part of it
      bytes = new byte[n + Math.min(remaining, 1024)];
      System.arraycopy(header, 0, bytes, 0, n);
      at = n;
    }

    void string(byte[] value) {
      bytes(value.length >> 8, value.length & 0xFF);
      System.arraycopy(value, 0, bytes, at, value.length);
      at += value.length;
    }

    void bytes(int... values) {
      for (int value : values) {
        bytes[at++] = (byte) value;
      }
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, at);
    }
  }
}
