import LedgerportRuntime
import LedgerportSDK

/// Reads the JSON of `--schedule` and `--retry-policy`, with errors that name the option, the rule and a valid form.
enum FlowSettingOption {
    static func schedule(_ text: String) throws(CommandError) -> FlowSchedule {
        do {
            return try FlowSchedule.parse(try json(text, option: "schedule"))
        } catch let error as FlowSettingError {
            throw .usage("invalid --schedule \(text): \(error.message)", hint: error.hint)
        } catch let error as CommandError {
            throw error
        } catch {
            throw .usage("invalid --schedule \(text): \(error)", hint: "write one of \(FlowSchedule.forms)")
        }
    }

    static func retryPolicy(_ text: String) throws(CommandError) -> RetryPolicy {
        do {
            return try RetryPolicy.parse(try json(text, option: "retry-policy"))
        } catch let error as FlowSettingError {
            throw .usage("invalid --retry-policy \(text): \(error.message)", hint: error.hint)
        } catch let error as CommandError {
            throw error
        } catch {
            throw .usage("invalid --retry-policy \(text): \(error)", hint: #"write an object such as {"maximum_attempts": 3}"#)
        }
    }

    private static func json(_ text: String, option: String) throws(CommandError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(text.utf8))
        } catch {
            throw .usage("invalid --\(option) \(text): not JSON (\(error))", hint: "quote the JSON for the shell, such as '{\"daily_at\": \"02:00\"}'")
        }
    }
}
