import type { MatchResult } from "../matching/types.ts";
import type { FtmEntity } from "../model/entity.ts";
import { captionOf } from "../model/schema.ts";
import type { RelatedSubject } from "./rule-types.ts";

/**
 * The registry's FtM relationships as a look-up for the related-party rule: for each entity, the subjects it
 * is a relative, associate, organisation, member, director, owner … of. Built once per registry snapshot
 * (or list files); asking it costs one map read per matched entity.
 */

/** One side of a link: "`entity` is the <relation> of `subjectId`". */
interface Link {
  subjectId: string;
  relation: string;
}

/** Per relationship schema: its two ends, and how each end stands to the other. */
interface LinkShape {
  /** The first end's property and what the second end is to it. */
  a: string;
  b: string;
  /** Phrase for the `b` end as seen from `a` (a Family's `relationship` value takes precedence). */
  bIs: string;
  aIs: string;
}

const SHAPES: Record<string, LinkShape> = {
  Family: { a: "person", b: "relative", bIs: "family member", aIs: "family member" },
  Associate: { a: "person", b: "associate", bIs: "associate", aIs: "associate" },
  Membership: { a: "member", b: "organization", bIs: "organisation (member)", aIs: "member" },
  Directorship: { a: "director", b: "organization", bIs: "organisation (director)", aIs: "director" },
  Ownership: { a: "owner", b: "asset", bIs: "owned company or asset", aIs: "owner" },
  Employment: { a: "employee", b: "employer", bIs: "employer", aIs: "employee" },
  Representation: { a: "agent", b: "client", bIs: "client", aIs: "representative" },
  UnknownLink: { a: "subject", b: "object", bIs: "linked party", aIs: "linked party" },
};

export const RELATIONSHIP_SCHEMATA: readonly string[] = Object.keys(SHAPES);
/** The properties that name a link's two ends, over all relationship schemata. */
export const RELATIONSHIP_ENDS: readonly string[] = [
  ...new Set(Object.values(SHAPES).flatMap((shape) => [shape.a, shape.b])),
];

export class RelationshipGraph {
  private readonly links = new Map<string, Link[]>();
  private readonly captions = new Map<string, string>();

  /**
   * `entities` holds the relationship entities and (for names in explanations) the entities they join;
   * an end missing from it is named by its id.
   */
  constructor(entities: Iterable<FtmEntity>) {
    for (const entity of entities) {
      const shape = SHAPES[entity.schema];
      if (!shape) {
        this.captions.set(entity.id, captionOf(entity));
        continue;
      }
      const stated = entity.properties.relationship?.[0]?.trim();
      for (const a of entity.properties[shape.a] ?? []) {
        for (const b of entity.properties[shape.b] ?? []) {
          if (a === b) continue;
          this.add(b, { subjectId: a, relation: stated || shape.bIs });
          this.add(a, { subjectId: b, relation: shape.aIs });
        }
      }
    }
  }

  get size(): number {
    return this.links.size;
  }

  private add(entityId: string, link: Link): void {
    const list = this.links.get(entityId);
    if (list) list.push(link);
    else this.links.set(entityId, [link]);
  }

  /** The registered subjects the matched entities are related to. */
  relatedTo(matches: readonly MatchResult[]): RelatedSubject[] {
    return matches.flatMap((match) =>
      (this.links.get(match.entityId) ?? []).map((link) => ({
        subjectId: link.subjectId,
        subjectName: this.captions.get(link.subjectId) ?? link.subjectId,
        relation: link.relation,
        relatedEntityId: match.entityId,
        relatedName: match.caption,
      })),
    );
  }
}
