import DashModel

/// What produced an export: the delivery setting, the bodies assumed
/// refusing and the filter. CSV carries them as the last columns of every
/// record (spreadsheets do not accept `#` comment lines); JSON as keys of
/// the top-level object.
struct ExportContext: Hashable {
  struct Field: Hashable {
    var key: String
    var value: Table.Value
  }

  /// "100%", "60%", or "observed" (each footprint at its observed rate).
  var delivery: String
  /// Codes of the organisations assumed refusing.
  var assumed: [String]
  /// The filter as typed, empty when none.
  var filter: String

  var fields: [Field] {
    [
      Field(key: "delivery_setting", value: .text(delivery)),
      Field(key: "assumed_refusing_codes", value: .list(assumed)),
      Field(key: "filter", value: .text(filter)),
    ]
  }

  /// The same as JSON key-value pairs.
  var json: [(String, JSONValue)] {
    [
      ("delivery_setting", .string(delivery)), ("assumed_refusing_codes", .array(assumed.map { .string($0) })),
      ("filter", .string(filter.isEmpty ? nil : filter)),
    ]
  }

  init(delivery: DeliveryScheme, assumed: [String], filter: String) {
    self.delivery = delivery.uniform.map { "\($0.percent)%" } ?? "observed"
    self.assumed = assumed.sorted()
    self.filter = filter
  }

  /// The dashboard's settings, with the filter of one list.
  init(_ state: AppState, scope: FilterScope?) {
    let d = state.session.dataset
    self.init(
      delivery: state.scheme, assumed: state.assumed.map { d.organisations[$0].code },
      filter: scope.flatMap { state.filters[$0]?.text } ?? "")
  }
}
