/// England as a whole: what the footprints add up to.
public enum England {
  /// Its name, as totals are titled.
  public static let name = "England"
  /// Its ONS code.
  public static let code = "E92000001"
}
