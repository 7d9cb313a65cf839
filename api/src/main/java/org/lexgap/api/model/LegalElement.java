package org.lexgap.api.model;

/**
 * One typed statement a provision makes, in the shared vocabulary the model-law rules read (see
 * docs/legal-elements.md). Attributes that do not apply to the element's type are {@code null}.
 *
 * @param jurisdiction jurisdiction code
 * @param provision    id of the provision that states it
 * @param type         {@code child-definition}, {@code csam-definition}, {@code offence} or {@code duty}
 * @param subject      what the element is about: {@code csam} (material specific to children) or
 *                     {@code obscene-material} (material in general)
 * @param conduct      for offences: {@code produce}, {@code distribute}, {@code sell}, {@code offer},
 *                     {@code import}, {@code export}, {@code advertise}, {@code possess}, {@code access}, {@code groom}
 * @param intent       for offences: the purpose the prosecution must prove: {@code none}, {@code distribution},
 *                     {@code sexual-purpose}
 * @param medium       {@code any} or {@code computer} (the text names computers, computer systems, the Internet or
 *                     electronic data)
 * @param bearer       for duties: who bears it: {@code isp}, {@code content-host}, {@code financial-institution},
 *                     {@code any-person}
 * @param action       for duties: {@code report}, {@code retain}, {@code preserve}, {@code block}
 * @param ageLimit     for definitions: the age under which a person is a child
 * @param aggravation  for offences: a circumstance the provision itself names as making the offence more heavily
 *                     punished; {@code child-victim} when it is committed against a child or minor; {@code null}
 *                     when none is recorded (since api model 1.3.0)
 */
public record LegalElement(String jurisdiction, String provision, String type, String subject, String conduct,
                           String intent, String medium, String bearer, String action, Integer ageLimit,
                           String aggravation) {

    /** An element with no aggravation recorded (the api model 1.0-1.2 constructor). */
    public LegalElement(String jurisdiction, String provision, String type, String subject, String conduct,
                        String intent, String medium, String bearer, String action, Integer ageLimit) {
        this(jurisdiction, provision, type, subject, conduct, intent, medium, bearer, action, ageLimit, null);
    }
}
