// Package alias merges the entity mentions of a story's articles into
// entities: "Vladimir Putin", "Putin", "Mr. Putin" and "the Russian leader"
// become one person; "Araghchi" and "Araqchi" one foreign minister;
// "Isfahan" and "Esfahan" one city.
//
// A [Resolver] holds the data it needs, loaded from rules/entity/ (countries
// with their demonyms and capitals, country aliases, organisations, roles,
// titles) and rules/alias/ (transliteration classes, role references and
// their synonyms, the small words around roles, name suffixes).
//
// The rules, safest first:
//
//   - Exact: two name mentions with the same folded text (case, diacritics,
//     possessive, titles and leading roles set aside) are one entity, as long
//     as their types are compatible: a person never merges with a place or
//     an organisation. Places and organisations with the same name do merge
//     ("Moscow" the city and "Moscow" for the Russian government): the
//     metonym is a way of naming the place, and the naming comparison is
//     clearer with one entity; the entity's type is the majority type.
//   - Surname: a shorter person name whose words all stand, in order, in a
//     longer one with the same last word ("Putin", "Ali Khamenei" in "Seyyed
//     Ali Khamenei") joins it. Two full names with the same surname and
//     different first names never merge. When a short name fits several
//     people ("Khamenei" with "Ali Khamenei" and "Mojtaba Khamenei" in the
//     story), each mention goes to the one its article names in full nearest
//     before it, else to the only one its article names, else to the only
//     one whose role agrees with the mention's role; else it stays
//     unresolved (Entity "").
//   - Skeleton: names whose consonant skeletons agree
//     (rules/alias/transliteration.txt) merge only with corroboration: the
//     same first name, an agreeing role, or no other candidate in the story;
//     and never when both spellings occur in one article.
//   - Role reference: "the Russian leader" points at the one person of the
//     story, looked for first in the same article and then in the whole
//     story, who holds a compatible role (rules/alias/role-references.txt)
//     with an agreeing country ("Iran's", "Iranian", "Tehran's" are Iran) at
//     the same time ("former president" is not "president"). With no such
//     person or several, the reference stays unresolved.
//
// [Resolver.RoleReferences] finds the role references of an article,
// [Resolver.Merge] clusters a story's mentions, and [Index.Lookup] (an
// [Index] comes from [Resolver.Index]) links a speaker of the quote stage
// to an entity.
package alias
