#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scratch directories for targets that need files (in memory when
/// /dev/shm is there), written without Foundation.
enum Scratch {
  static func make(prefix: String, files: [String: String]) -> String? {
    let root = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    var template = Array("\(root)/\(prefix)-XXXXXX".utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
      return nil
    }
    let dir = String(cString: made)
    for (name, text) in files where !put(Array(text.utf8), to: dir + "/" + name) { return nil }
    return dir
  }

  /// Replaces a file's contents.
  static func put(_ bytes: [UInt8], to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { raw in raw.baseAddress.map { write(fd, $0 + done, bytes.count - done) } ?? -1 }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }
}

/// A small valid data directory: what a file target's other files hold,
/// and the seed of each file's corpus.
public enum ValidData {
  /// Each file's text, by name.
  public static let files: [String: String] = [
    "footprints.csv": #"""
    code,name,region,leader,population,population_basis,rating,source
    E1,Alpha Vale,North,Ann Lead,1000000,reported,Advanced,"Report, p. 1"
    E2,"Beta ""Coast""",London,,500000,illustrative,,

    """#,
    "organisations.csv": #"""
    code,name,kind,source
    C1,Alpha CCG,ccg,
    T1,Alpha Trust,acute-trust,ONS
    K1,Shared Council,council,
    C2,Beta CCG,ccg,
    T2,Beta Trust,acute-trust,

    """#,
    "memberships.csv": #"""
    org,footprint,share
    C1,E1,1
    T1,E1,
    K1,E1,0.25
    K1,E2,0.75
    C2,E2,1
    T2,E2,1

    """#,
    "finance.csv": #"""
    entity,year,scenario,gbp_m,basis,source,note
    C1,2020/21,do_nothing,100,illustrative,,
    C1,2020/21,plan,20,illustrative,,
    T1,2020/21,do_nothing,200.5,reported,"Board papers, p. 4",
    T1,2020/21,plan,-1.25,reported,,a caveat
    K1,2015/16,do_nothing,40,,,
    C2,2019/20,outturn,,,,
    E2,2015/16,outturn,12.5,reported,"Report, p. 3",

    """#,
    "alignment.csv": #"""
    org,footprint,stance,as_of,note,source
    C1,E1,aligned,,,
    T1,E1,conditional,2016-10-01,,
    T1,E1,refused,2017-03-01,changed its mind,http://example.org
    K1,E2,dissenting,,,
    C2,E2,aligned,,,

    """#,
    "indicators.csv": #"""
    entity,year,indicator,value,unit,basis,source,note
    T1,2016/17,dhsc_loans_closing_balance,10.5,gbp_m,reported,"DHSC, sheet 1",
    T1,2018/19,dhsc_loans_closing_balance,30,gbp_m,reported,,a caveat
    T2,2018/19,dhsc_loans_closing_balance,4,gbp_m,illustrative,,
    E1,2017/18,beds,812,count,,,

    """#,
    "hexmap.csv": #"""
    code,q,r,label
    E1,1,2,AV
    E2,2,1,BC

    """#,
    "changes.csv": #"""
    id,footprint,site,org,service,change,proposed,status,status_date,source_kind,source,quote,note
    C1,E1,Alpha General,T1,A&E,close overnight,2016/17,decided,2017-03,news,"Gazette, p. 2","""to close""",
    C2,E2,Beta Cottage,,beds,fewer beds,,proposed,2016,campaign,,,a campaign's summary

    """#,
    "referrals.csv": #"""
    id,change,footprint,site,service,referred_by,referred,action,action_date,advice,advice_date,outcome,outcome_date,source_kind
    R1,C1,E1,Alpha General,A&E,Alpha Scrutiny,2017-04-02,asked the IRP,2017-06,reconsider,2017-09,kept open,2018,official
    R2,,E2,Beta Cottage,beds,Beta Council,,,,,,call-in refused,2019-10-01,news

    """#,
    "designations.csv": #"""
    footprint,designation,date,note,source_kind,source,quote
    E1,integrated-care-system,2018-05,,news,https://example.org,
    E2,capital-wave-1,2017-07-19,part only,official,,

    """#,
    "footprint_notes.csv": #"""
    footprint,date,note,source_kind,source,quote,caveat
    E1,2016,five leaders: unable to endorse,campaign,,,names no body

    """#,
  ]
}
