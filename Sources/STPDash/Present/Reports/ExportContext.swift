import DashModel

/// The settings that produced a view: the delivery setting, which stances
/// count as refusing, the bodies assumed refusing and the filter. CSV carries them as the last columns of
/// every record (spreadsheets do not accept `#` comment lines); JSON as keys
/// of the top-level object.
struct ExportContext: Hashable {
  struct Field: Hashable {
    var key: String
    var value: Table.Value
  }

  /// The delivery setting as exports say it (``DeliveryScheme/setting``);
  /// `nil` for a view no figure of which depends on it (the flags).
  var delivery: String?
  /// Which stances count as refusing (``RefusingRule/code``; `nil`: as for delivery).
  var refusing: String?
  /// Codes of the organisations assumed refusing (`nil`: as for delivery).
  var assumed: [String]?
  /// The filter as typed, empty when none.
  var filter: String
  /// The day the view is as of (`nil`: everything known).
  var asOf: Day? = nil

  var fields: [Field] {
    var out: [Field] = []
    if let delivery { out.append(Field(key: "delivery_setting", value: .text(delivery))) }
    if let refusing { out.append(Field(key: "refusing_setting", value: .text(refusing))) }
    if let assumed { out.append(Field(key: "assumed_refusing_codes", value: .list(assumed))) }
    out.append(Field(key: "filter", value: .text(filter)))
    out.append(Field(key: "as_of", value: .text(asOf?.iso)))
    return out
  }

  /// The same as JSON key-value pairs.
  var json: [(String, JSONValue)] {
    var out: [(String, JSONValue)] = []
    if let delivery { out.append(("delivery_setting", .string(delivery))) }
    if let refusing { out.append(("refusing_setting", .string(refusing))) }
    if let assumed { out.append(("assumed_refusing_codes", .array(assumed.map { .string($0) }))) }
    out.append(("filter", .string(filter.isEmpty ? nil : filter)))
    out.append(("as_of", .string(asOf?.iso)))
    return out
  }

  /// The refusals counted beyond the default, as sentences for text
  /// output: the refusing setting and the bodies assumed refusing.
  var refusalSentences: [String] {
    var out: [String] = []
    if let asOf { out.append("As known on \(asOf.iso) (\(AsOfWords.flag)): what is dated later is left out.") }
    if let refusing, let rule = RefusingRule(code: refusing), rule != .refused {
      out.append("Counted as refusing: \(rule.phrase).")
    }
    if let assumed, !assumed.isEmpty { out.append("Assumed refusing (what-if): \(assumed.joined(separator: ", ")).") }
    return out
  }

  /// The settings of a view that only a filter shapes.
  init(filter: FilterQuery?, asOf: Day? = nil) {
    delivery = nil
    refusing = nil
    assumed = nil
    self.filter = filter?.text ?? ""
    self.asOf = asOf
  }

  /// The settings of a view.
  init(delivery: DeliveryScheme, refusing: RefusingRule, assumed: [String], filter: String) {
    self.delivery = delivery.setting
    self.refusing = refusing.code
    self.assumed = assumed.sorted()
    self.filter = filter
  }

  /// The settings of a view from the refusals counted.
  init(delivery: DeliveryScheme, refusals: Refusals, dataset d: Dataset, filter: FilterQuery?) {
    self.init(
      delivery: delivery, refusing: refusals.rule, assumed: refusals.assumed.map { d.organisations[$0].code },
      filter: filter?.text ?? "")
    asOf = d.asOfDay
  }
}
