/// A member body: a CCG, an NHS trust, a council or another organisation.
public struct Organisation: Sendable, Hashable, Identifiable {
  /// ODS or ONS code, for example `E09000009` or `RN3`.
  public var code: String
  /// Name, for example `Ealing`.
  public var name: String
  /// What sort of body it is.
  public var kind: OrganisationKind
  /// Where the row comes from.
  public var source: String?

  /// The code identifies an organisation.
  public var id: String { code }

  /// Creates an organisation.
  public init(code: String, name: String, kind: OrganisationKind, source: String? = nil) {
    self.code = code
    self.name = name
    self.kind = kind
    self.source = source
  }
}
