import Foundation
import LedgerportSDK

/// The `--config <file>` option's file: a JSON object of a connection's plain configuration fields.
enum ConfigurationInput {
    /// Reads the JSON object in `file`.
    ///
    /// - Throws: ``CommandError`` with status 1 when the file cannot be read,
    ///   and status 65 when it is not valid JSON or not an object.
    static func read(_ file: String) throws(CommandError) -> JSONObject {
        guard FileManager.default.fileExists(atPath: file) else {
            throw .failure("read configuration \"\(file)\": not found", hint: "check the path")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        } catch let error as JSONParseError {
            throw .invalidData("read configuration \"\(file)\": \(error)")
        } catch {
            throw .failure("read configuration \"\(file)\": \(error.localizedDescription)", hint: "check the path and its permissions")
        }
        guard let members = document.objectValue else {
            throw .invalidData("read configuration \"\(file)\": expected a JSON object, found \(document.typeName)")
        }
        return members
    }
}
