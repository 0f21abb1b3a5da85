import Foundation

/// The repository checkout the tests run from.
enum Checkout {
    /// The repository root, found from this file's path.
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
