/// A file of a data directory: its name, whether the directory must have
/// it, and the columns its header must and may have. The loader reads the
/// files named here; nothing addresses a file by its position.
struct DataFile: Sendable, Hashable {
  /// What a directory without the file means.
  enum Need: Sendable, Hashable {
    /// Nothing can be loaded without it.
    case required
    /// It is treated as empty, with a warning.
    case expected
    /// Nothing is said: the data simply has none.
    case optional
  }

  var name: String
  var need: Need
  var requiredColumns: [String]
  var optionalColumns: [String]
}

/// Every data file the loader knows, in the order problems are listed.
enum DataFiles {
  static let footprints = DataFile(
    name: FootprintRows.file, need: .required, requiredColumns: FootprintRows.required,
    optionalColumns: FootprintRows.optional)
  static let organisations = DataFile(
    name: OrganisationRows.file, need: .required, requiredColumns: OrganisationRows.required,
    optionalColumns: OrganisationRows.optional)
  static let memberships = DataFile(
    name: MembershipRows.file, need: .expected, requiredColumns: MembershipRows.required,
    optionalColumns: MembershipRows.optional)
  static let finance = DataFile(
    name: FinanceRows.file, need: .expected, requiredColumns: FinanceRows.required,
    optionalColumns: FinanceRows.optional)
  static let alignment = DataFile(
    name: AlignmentRows.file, need: .expected, requiredColumns: AlignmentRows.required,
    optionalColumns: AlignmentRows.optional)
  static let indicators = DataFile(
    name: IndicatorRows.file, need: .optional, requiredColumns: IndicatorRows.required,
    optionalColumns: IndicatorRows.optional)
  static let hexmap = DataFile(
    name: HexRows.file, need: .optional, requiredColumns: HexRows.required, optionalColumns: HexRows.optional)

  static let changes = DataFile(
    name: ChangeRows.file, need: .optional, requiredColumns: ChangeRows.required, optionalColumns: ChangeRows.optional)
  static let referrals = DataFile(
    name: ReferralRows.file, need: .optional, requiredColumns: ReferralRows.required,
    optionalColumns: ReferralRows.optional)
  static let designations = DataFile(
    name: DesignationRows.file, need: .optional, requiredColumns: DesignationRows.required,
    optionalColumns: DesignationRows.optional)
  static let footprintNotes = DataFile(
    name: FootprintNoteRows.file, need: .optional, requiredColumns: FootprintNoteRows.required,
    optionalColumns: FootprintNoteRows.optional)

  static let all = [
    footprints, organisations, memberships, finance, alignment, indicators, hexmap, changes, referrals, designations,
    footprintNotes,
  ]
}
