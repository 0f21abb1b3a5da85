import Foundation

/// The data files the demo plays, bundled as resources.
///
/// They live in `demo/` so that reviewers read them as data; SwiftPM copies
/// them next to the built products.
package enum DemoResources {
    /// The folder of the month of Stripe events, one webhook body per file, in the order they happened.
    package static var stripeMonthFolder: URL? {
        Bundle.module.url(forResource: "stripe-month", withExtension: nil)
    }
}
