// The legal-element vocabulary the model-law rules read (docs/legal-elements.md), as the amendment form offers it.
// It is docs/schema/jurisdiction.schema.json's #/$defs/element; the browser tests check the two agree.

export const ELEMENT_TYPES = {
  'offence': ['subject', 'conduct', 'intent', 'medium', 'aggravation'],
  'csam-definition': ['medium', 'subject', 'ageLimit'],
  'child-definition': ['ageLimit'],
  'duty': ['bearer', 'action', 'subject', 'medium'],
};

/** Attributes every element of the type must have (the others are optional). */
export const REQUIRED = {
  'offence': ['subject', 'conduct', 'intent', 'medium'],
  'csam-definition': ['medium'],
  'child-definition': ['ageLimit'],
  'duty': ['bearer', 'action'],
};

export const VALUES = {
  subject: ['csam', 'obscene-material'],
  conduct: ['produce', 'distribute', 'sell', 'offer', 'import', 'export', 'advertise', 'possess', 'access', 'groom',
    'unspecified'],
  intent: ['none', 'distribution', 'sexual-purpose', 'unspecified'],
  medium: ['any', 'computer', 'unspecified'],
  bearer: ['isp', 'content-host', 'financial-institution', 'any-person'],
  action: ['report', 'retain', 'preserve', 'block'],
  aggravation: ['child-victim'],
};
