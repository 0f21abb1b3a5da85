import Foundation
import LedgerportJSONSchema
import LedgerportSDK

extension FlowSchedule {
    /// The forms a schedule takes, for messages.
    package static let forms = #"{"every_minutes": 15}, {"daily_at": "02:00"} or {"monthly_on_day": 1, "at": "03:00"}"#

    /// Reads a schedule given by a user, naming the member and the rule for anything it cannot use.
    ///
    /// Unlike the decoder, which reads stored schedules, it rejects members
    /// that the schedule's form does not take, so `{"daily_at": "02:00", "at":
    /// "03:00"}` is an error rather than a daily run at 02:00.
    package static func parse(_ value: JSONValue) throws(FlowSettingError) -> FlowSchedule {
        guard let members = value.objectValue else {
            throw error("\(JSONWriter.string(value)) is not a JSON object")
        }
        let form: Set<String> =
            if members["every_minutes"] != nil { ["every_minutes"] }
            else if members["daily_at"] != nil { ["daily_at"] }
            else if members["monthly_on_day"] != nil { ["monthly_on_day", "at"] }
            else { [] }
        guard !form.isEmpty else {
            let named = members.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            let guess = members.keys.sorted().lazy.map { MessageText.didYouMean($0, among: ["every_minutes", "daily_at", "monthly_on_day", "at"]) }
                .first { !$0.isEmpty } ?? ""
            throw error(members.isEmpty ? "the object is empty" : "it names \(named), none of every_minutes, daily_at or monthly_on_day; \(guess)"
                .trimmingCharacters(in: CharacterSet(charactersIn: "; ")))
        }
        if let extra = members.keys.sorted().first(where: { !form.contains($0) }) {
            throw error("member \"\(extra)\" does not belong with \(form.sorted().map { "\"\($0)\"" }.joined(separator: " and "))")
        }
        if let minutes = members["every_minutes"]?.intValue, (1...1440).contains(minutes), 1440 % minutes != 0 {
            throw error("every_minutes \(minutes) does not divide a day of 1440 minutes, so the day's last window would be shorter than the others; "
                + "use a divisor such as 5, 10, 15, 20, 30, 60 or 120")
        }
        do {
            return try JSONValueDecoder().decode(FlowSchedule.self, from: value)
        } catch let decoding as DecodingError {
            throw error(Self.reason(of: decoding))
        } catch {
            throw Self.error("\(error)")
        }
    }

    private static func error(_ message: String) -> FlowSettingError {
        FlowSettingError(setting: "schedule", message: message, hint: "write one of \(forms)")
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let member = context.codingPath.last.map { "member \"\($0.stringValue)\": " } ?? ""
            return member + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
