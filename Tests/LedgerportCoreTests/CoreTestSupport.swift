import Foundation
import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

/// Paths of the checkout the tests run in.
enum Checkout {
    /// The repository root, three folders above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let specsDirectory = root + "/connector-specs"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
}

/// A loader for the repository's spec schema, loaded once.
let repositoryLoader: SpecLoader = {
    do {
        return try SpecLoader(specsDirectory: Checkout.specsDirectory)
    } catch {
        fatalError("the repository's spec schema does not load: \(error)")
    }
}()

/// Reads a JSON file of the checkout or the fixtures.
func readJSON(_ path: String) throws -> JSONValue {
    let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
    return try JSONParser.parse(Array(data))
}

/// The repository's spec of `id` version 1.0.0, parsed.
func repositorySpecDocument(_ id: String) throws -> JSONValue {
    try readJSON("\(Checkout.specsDirectory)/\(id)/1.0.0.json")
}

/// A fresh temporary folder, removed when the test's scope ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ledgerport-core-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        // Best effort: a leftover temporary folder does not affect other tests.
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `document` to `relativePath` below this folder and returns the full path.
    @discardableResult
    func write(_ document: JSONValue, to relativePath: String) throws -> String {
        try write(Array(JSONWriter.string(document, style: .pretty).utf8), to: relativePath)
    }

    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: full])
        }
        return full
    }
}

extension JSONValue {
    /// Returns a copy with the value at `pointer` replaced, or removed when `newValue` is nil.
    func replacing(_ pointer: String, with newValue: JSONValue?) -> JSONValue {
        replacing(tokens: JSONPointer(pointer)!.tokens[...], with: newValue)
    }

    private func replacing(tokens: ArraySlice<String>, with newValue: JSONValue?) -> JSONValue {
        guard let first = tokens.first else {
            return newValue ?? .null
        }
        switch self {
        case .object(var members):
            if tokens.count == 1 {
                members[first] = newValue
            } else {
                members[first] = (members[first] ?? .object([:])).replacing(tokens: tokens.dropFirst(), with: newValue)
            }
            return .object(members)
        case .array(var elements):
            let index = Int(first)!
            if tokens.count == 1 {
                if let newValue { elements[index] = newValue } else { elements.remove(at: index) }
            } else {
                elements[index] = elements[index].replacing(tokens: tokens.dropFirst(), with: newValue)
            }
            return .array(elements)
        default:
            preconditionFailure("cannot descend into \(self) at \(first)")
        }
    }
}

/// Loads a spec document written to `<temporary folder>/<relativePath>` and returns its issues.
func issuesOf(_ document: JSONValue, at relativePath: String = "stripe/1.0.0.json") throws -> (file: String, issues: [ValidationIssue]) {
    let folder = try TemporaryDirectory()
    let file = try folder.write(document, to: relativePath)
    let (_, issues) = repositoryLoader.loadFile(file)
    return (file, issues)
}
