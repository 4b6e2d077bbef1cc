// Package dates reads the dates Indian news pages print, in Hindi, Marathi
// and English: "18 नवंबर 2025", "मंगलवार, 18 नवम्बर, 2025 10:30 AM IST",
// "Nov 18, 2025 10:30 IST", "2025-11-18T10:30:00+05:30", "18/11/2025" and
// the same with Devanagari digits ("१८ नवंबर २०२५"). Month and weekday
// names and date labels of German, French, Spanish, Italian, Portuguese
// and Dutch are read too ("Veröffentlicht am 4. Februar 2022", "Publié le
// 28 juin 2019", "5 de marzo de 2020"), so that the date a page prints can
// be compared with its metadata whatever the page's language.
//
// Contracts shared by every function:
//
//   - A year is never invented. A date written without a year ("18 नवंबर")
//     is only accepted when the caller passes a non-zero reference time; the
//     year is then the one that puts the date nearest to the reference.
//   - "IST" means +05:30. A time written without any zone is read as IST,
//     because the pages khabar reads are Indian; a date without a time is
//     midnight IST.
//   - Numeric dates are day first ("03/04/2025" is 3 April), the Indian
//     order; month-first is used only when the first number cannot be a
//     month day pair the other way ("11/18/2025"). Two-digit years are not
//     accepted.
//   - Labels such as "अपडेटेड:", "Updated:", "प्रकाशित:", "Published:",
//     "Aktualisiert", "Stand:", "Letzte Änderung:", "Publié le", "mis à jour" and weekday names
//     are read and dropped; the label decides Match.Kind.
//   - Relative expressions ("2 घंटे पहले", "कल") are not read.
//
// The functions are pure and safe for concurrent use.
package dates
