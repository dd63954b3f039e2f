public import Foundation

/// The lenient ISO-8601 date-time reading and the canonical writing used by every model of this module.
///
/// The API documents `date-time` fields as ISO-8601 strings without saying which offset or fraction format the
/// server writes, so reading accepts every form an ASP.NET server can plausibly produce:
///
/// - `2024-05-01T12:34:56Z`, `…56.1Z`, `…56.1234567Z` (any number of fraction digits; `,` also accepted);
/// - offsets `Z`, `z`, `±hh:mm`, `±hhmm` and `±hh`;
/// - no offset at all (`2024-05-01T12:34:56`, what .NET writes for a `DateTime` of unspecified kind),
///   which is read as UTC;
/// - `T`, `t` or a space between date and time; seconds may be omitted; a bare date means midnight UTC.
///
/// Fields are range-checked (month 1–12, the real number of days in the month, hour 0–23, minute 0–59,
/// second 0–60). Fractions finer than a nanosecond are ignored.
///
/// Writing always produces UTC with a `Z`, and milliseconds only when they are not zero:
/// `2024-05-01T12:34:56Z`, `2024-05-01T12:34:56.120Z`.
public enum RestPkiDateFormat {
    /// Reads an ISO-8601 date-time leniently.
    ///
    /// - Parameter string: The text to read, e.g. `"2024-05-01T09:34:56.1234567-03:00"`.
    /// - Returns: The instant, or `nil` when the text is not an ISO-8601 date-time this reader accepts.
    public static func date(from string: String) -> Date? {
        var reader = Reader(Array(string.utf8))
        return reader.readDateTime()
    }

    /// Writes `date` as an ISO-8601 UTC date-time with a `Z`, with milliseconds when they are not zero.
    ///
    /// - Parameter date: The instant to write.
    /// - Returns: A string such as `"2024-05-01T12:34:56.120Z"`.
    public static func string(from date: Date) -> String {
        var seconds = date.timeIntervalSince1970.rounded(.down)
        var millis = Int(((date.timeIntervalSince1970 - seconds) * 1000).rounded())
        if millis == 1000 {
            millis = 0
            seconds += 1
        }
        let total = Int64(seconds)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = Int(total - days * 86_400)
        let (year, month, day) = civilDate(fromDays: days)
        var text = pad(Int(year), 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if millis != 0 { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, after H. Hinnant's public-domain algorithms)

    static func days(fromYear year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(_ month: Int, year: Int64) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over the UTF-8 bytes of a date-time.
private struct Reader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { index == bytes.count }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard !atEnd, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func number(digits count: Int) -> Int? {
        guard bytes.count - index >= count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }

    /// Reads one or more fraction digits and returns the value in nanoseconds.
    private mutating func fractionNanoseconds() -> Int? {
        var nanos = 0
        var count = 0
        while !atEnd, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if count < 9 { nanos = nanos * 10 + Int(bytes[index] - 0x30) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 9) { nanos *= 10 }
        return nanos
    }

    /// Reads the offset from UTC in seconds; no offset at all means UTC.
    private mutating func offsetSeconds() -> Int? {
        if atEnd { return 0 }
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2), hours <= 23 else { return nil }
        var minutes = 0
        if !atEnd {
            _ = take(UInt8(ascii: ":"))
            guard let value = number(digits: 2), value <= 59 else { return nil }
            minutes = value
        }
        return sign * (hours * 3600 + minutes * 60)
    }

    mutating func readDateTime() -> Date? {
        guard let year = number(digits: 4), take(UInt8(ascii: "-")),
            let month = number(digits: 2), (1...12).contains(month), take(UInt8(ascii: "-")),
            let day = number(digits: 2), day >= 1, day <= RestPkiDateFormat.daysInMonth(month, year: Int64(year))
        else { return nil }
        let days = RestPkiDateFormat.days(fromYear: Int64(year), month: month, day: day)
        if atEnd { return Date(timeIntervalSince1970: TimeInterval(days * 86_400)) }

        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")),
            let hour = number(digits: 2), hour <= 23, take(UInt8(ascii: ":")),
            let minute = number(digits: 2), minute <= 59
        else { return nil }
        var second = 0
        var nanos = 0
        if take(UInt8(ascii: ":")) {
            guard let value = number(digits: 2), value <= 60 else { return nil }
            second = value
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                guard let value = fractionNanoseconds() else { return nil }
                nanos = value
            }
        }
        guard let offset = offsetSeconds(), atEnd else { return nil }
        let whole = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        return Date(timeIntervalSince1970: TimeInterval(whole) + TimeInterval(nanos) / 1_000_000_000)
    }
}
