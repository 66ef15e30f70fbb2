package de.vorlauf.webadmin.readings;

/** A readings request that cannot be answered as asked; becomes a problem+json response. */
public class ReadingsRequestException extends RuntimeException {

  private final int status;
  private final String title;

  public ReadingsRequestException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  static ReadingsRequestException badRequest(String title, String detail) {
    return new ReadingsRequestException(400, title, detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
