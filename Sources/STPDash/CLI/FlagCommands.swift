import ArgumentParser
import DashModel

/// `stpdash flags`: the active flags, or with `--all` the whole journal.
struct FlagsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flags", abstract: "List active flags, newest first (--all: every flag and unflag, oldest first).")

  @OptionGroup var data: DataOptions

  @Flag(name: .long, help: "Show the whole history, oldest first.")
  var all = false

  @Option(
    name: .long,
    help: ArgumentHelp("Keep only flags matching terms such as footprint:ealing kind:council.", valueName: "TERMS"))
  var filter: String?

  @OptionGroup var output: FormatOption

  func validate() throws {
    if let filter, case .failure(let e) = FilterQuery.parse(filter, scope: .flags) {
      throw ValidationError("--filter: \(e.message)")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let query = filter.flatMap { try? FilterQuery.parse($0, scope: .flags).get() }
      var events = all ? ws.flags.events : ws.flags.active()
      if let query, !query.isEmpty { events = events.filter { query.matches(.flag($0, dataset: ws.dataset)) } }
      Console.print(
        FlagsReport(
          events: events, dataset: ws.dataset, all: all, journal: ws.journal.location,
          context: ExportContext(filter: query, asOf: ws.dataset.asOfDay)),
        as: output.format)
    }
  }
}

/// Options shared by `flag` and `unflag`.
struct FlagTarget: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "The organisation's code (for example E09000009) or an unambiguous piece of its name.", valueName: "ORG"))
  var org: String

  @Option(
    name: .long, help: ArgumentHelp("The footprint's code or an unambiguous piece of its name.", valueName: "CODE"))
  var footprint: String

  @Option(name: .long, help: ArgumentHelp("Who is recording this (default: your login name).", valueName: "NAME"))
  var author: String?

  /// Resolves and checks the pair: both known, and the body a member of the footprint.
  func resolve(_ ws: Workspace) throws(BatchError) -> (org: OrganisationID, footprint: FootprintID) {
    try Resolved(org: org, footprint: footprint).resolve(ws)
  }

  /// An (organisation, footprint) pair as given, to be checked against the data.
  struct Resolved {
    var org: String
    var footprint: String

    /// The organisation is given by code or an unambiguous piece of its name
    /// (among the footprint's members when the name alone is ambiguous).
    func resolve(_ ws: Workspace) throws(BatchError) -> (org: OrganisationID, footprint: FootprintID) {
      let d = ws.dataset
      let f = try ws.footprint(footprint)
      var found = d.organisationID(code: org).map { [$0] } ?? d.findOrganisations(org)
      if found.count > 1 {
        let members = found.filter { d.membership(org: $0, footprint: f) != nil }
        if !members.isEmpty { found = members }
      }
      guard found.count == 1, let o = found.first else {
        if found.isEmpty {
          throw BatchError(
            "unknown organisation \(quotedForMessage(org)): no code or name in organisations.csv matches; give its code (for example E09000009)"
          )
        }
        let names = found.prefix(8).map { "\(d.organisations[$0].code) \(d.organisations[$0].name)" }
        throw BatchError(
          "\(quotedForMessage(org)) matches \(found.count) organisations: \(names.joined(separator: "; "))\(found.count > 8 ? "; …" : ""). Give a code."
        )
      }
      guard d.membership(org: o, footprint: f) != nil else {
        let member = d.membershipsOfOrganisation[o].map { d.footprints[d.memberships[$0].footprint].code }
        throw BatchError(
          "\(d.organisations[o].name) (\(d.organisations[o].code)) is not a member of \(d.footprints[f].name) (\(d.footprints[f].code)); it is a member of \(member.isEmpty ? "no footprint" : member.joined(separator: ", "))"
        )
      }
      return (o, f)
    }
  }
}

/// `stpdash flag`: mark a body as not cooperating with a footprint's plan.
struct FlagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flag", abstract: "Flag a member body as not cooperating with its footprint's plan.",
    discussion: """
      With --from FILE, flags every row of a CSV file with columns org, footprint, reason (and optionally \
      author): all rows are checked first and nothing is written if any is wrong; then each is saved on its \
      own and reported as it is saved.
      """)

  @Argument(
    help: ArgumentHelp(
      "The organisation's code (for example E09000009) or an unambiguous piece of its name.", valueName: "ORG"))
  var org: String?

  @Option(
    name: .long, help: ArgumentHelp("The footprint's code or an unambiguous piece of its name.", valueName: "CODE"))
  var footprint: String?

  @Option(name: .long, help: ArgumentHelp("Why (required).", valueName: "TEXT"))
  var reason: String?

  @Option(name: .long, help: ArgumentHelp("Who is recording this (default: your login name).", valueName: "NAME"))
  var author: String?

  @Option(
    name: .customLong("from"),
    help: ArgumentHelp("Flag every row of this CSV file (- for standard input).", valueName: "FILE"))
  var from: String?

  @OptionGroup var data: DataOptions

  func validate() throws {
    if from != nil {
      if org != nil || footprint != nil || reason != nil {
        throw ValidationError(
          "--from takes the organisations, footprints and reasons from the file; give no ORG, --footprint or --reason")
      }
      return
    }
    guard org != nil else { throw ValidationError("give the organisation's code, or --from FILE") }
    guard footprint != nil else {
      throw ValidationError("--footprint CODE is required: which footprint's plan is the body not cooperating with?")
    }
    guard let reason else { throw ValidationError("--reason TEXT is required: say why the body is flagged") }
    if FlagEvent.isBlank(reason) {
      throw ValidationError("a flag needs a reason: --reason must not be empty")
    }
  }

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let who = try ws.author(given: author)
      if let from {
        try FlagImport.run(path: from, workspace: ws, author: who)
        return
      }
      let target = FlagTarget.Resolved(org: org ?? "", footprint: footprint ?? "")
      let (o, f) = try target.resolve(ws)
      let event = FlagEvent(
        kind: .flag, org: ws.dataset.organisations[o].code, footprint: ws.dataset.footprints[f].code,
        reason: reason ?? "", author: who, time: UTCTime.now())
      do throws(FlagSaveError) {
        try ws.journal.record([event])
      } catch {
        throw BatchError("not saved: \(error)")
      }
      Console.out(
        "saved: \(ws.dataset.organisations[o].name) flagged in \(ws.dataset.footprints[f].name) (\(ws.journal.location))\n"
      )
    }
  }
}

/// `stpdash unflag`: lift a flag.
struct UnflagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unflag", abstract: "Lift a flag (recorded in the journal, so the history is kept).")

  @OptionGroup var target: FlagTarget

  @Option(name: .long, help: ArgumentHelp("Why the flag is lifted (optional).", valueName: "TEXT"))
  var reason: String?

  @OptionGroup var data: DataOptions

  func run() throws {
    try runBatch { () throws(BatchError) in
      let ws = try Workspace.load(data)
      let (o, f) = try target.resolve(ws)
      let pair = FlagPair(org: ws.dataset.organisations[o].code, footprint: ws.dataset.footprints[f].code)
      guard ws.flags.isFlagged(pair) else {
        throw BatchError(
          "\(ws.dataset.organisations[o].name) is not flagged in \(ws.dataset.footprints[f].name); nothing to unflag")
      }
      let event = FlagEvent(
        kind: .unflag, org: pair.org, footprint: pair.footprint, reason: reason ?? "",
        author: try ws.author(given: target.author), time: UTCTime.now())
      do throws(FlagSaveError) {
        try ws.journal.record([event])
      } catch {
        throw BatchError("not saved: \(error)")
      }
      Console.out(
        "saved: \(ws.dataset.organisations[o].name) unflagged in \(ws.dataset.footprints[f].name) (\(ws.journal.location))\n"
      )
    }
  }
}
