/**
 * The files `upstream new <id>` writes: a small but complete module that validates clean and
 * shows every part of the format, with comments that tell the author what to change.
 * `schemaDir` is the path from the module folder to Upstream's `schemas/` folder.
 */
export function moduleTemplate(id: string, schemaDir: string): Record<string, string> {
  const schema = (name: string, depth = 0) =>
    `# yaml-language-server: $schema=${'../'.repeat(depth)}${schemaDir}/${name}.schema.json`;
  return {
    'module.yaml': `${schema('module')}
# The module's front page. Every key is explained on hover in VS Code (YAML extension).
id: ${id}
title: Upstream and Downstream in Ten Minutes
version: 0.1.0
summary: >-
  A short introductory module. Learners meet the river parable, name the upstream causes behind one
  patient's story, and propose one thing they could do about them together. Replace this text with
  your own summary.
audience: Third- and fourth-year medical students
duration: 60
language: en
license: CC-BY-NC-SA-4.0
authors:
  - name: Your Name
    affiliation: Your School
keywords: [burnout, social determinants of health, collective action]
competencies: [pcrs:c0604, acgme:systems-based-practice, canmeds:health-advocate]
objectives:
  - id: explain-parable
    text: Explain how the river parable distinguishes downstream rescue from upstream prevention.
    bloom: understand
    competencies: [pcrs:c0604, canmeds:health-advocate]
  - id: identify-causes
    text: Identify two upstream causes behind a patient's presenting problem.
    bloom: remember
    competencies: [pcrs:c0604, acgme:systems-based-practice]
  - id: propose-action
    text: Propose one collective action that addresses an upstream cause.
    bloom: create
    competencies: [pcrs:c0604, epa:EPA13]
sessions: [river, what-can-we-do]
assessments: [check, reflection, action-plan]
rubrics: [action-plan]
masteryScore: 0.8
sensitive: true
contentNotes:
  - This module discusses clinician burnout and patients' hardship, including homelessness.
confidentiality: chatham-house
safety:
  learningSpace: This session is a space for learning together; it is not counselling or therapy.
  rightToPass: Anyone may pass on any question or activity, without giving a reason.
  alternativeActivity: A learner who steps out may write the reflection privately and rejoin for the planning activity.
  coFacilitator: A co-facilitator stays free to follow and check on any learner who leaves the room.
  disclosureProtocol:
    - Pause the activity calmly and thank the learner for speaking.
    - Speak with the learner privately, with the co-facilitator covering the group.
    - If there is imminent risk, stay with the learner and contact the crisis service listed below.
    - Follow up with the learner and the course lead the same day.
support:
  # Fill in your school's services before releasing to learners (\`upstream validate --release\`).
  - name: Student counselling service
    contact: ""
    scope: local
  - name: 988 Suicide & Crisis Lifeline (US)
    contact: Call or text 988
    scope: crisis
  - name: Physician Support Line (also serves medical students)
    contact: 1-888-409-0141
    scope: national
references:
  - id: eisenstein-2018
    citation: Eisenstein L. To fight burnout, organize. N Engl J Med. 2018;379(6):509-511.
    url: https://doi.org/10.1056/NEJMp1803771
  - id: mckinlay-1975
    citation: "McKinlay JB. A case for refocussing upstream: the political economy of illness. In: Enelow AJ, Henderson JB, eds. Applying Behavioral Science to Cardiovascular Risk. American Heart Association; 1975:7-17."
`,
    'sessions/01-river.md': `---
${schema('session', 1)}
id: river
title: The river parable
duration: 30
methods:
  primary: IM008
  other: [IM013]
resources: [RE005]
objectives: [explain-parable, identify-causes]
groupSize: { min: 4, max: 12 }
materials:
  - Printed copies of the case, one per learner
preparation: Read the module's references and the case below. Arrange chairs in a circle.
---

# The river parable

::::segment{minutes=10 method=IM013 title="Telling the parable"}
The parable, as McKinlay told it of Irving Zola [@mckinlay-1975]: friends by a river keep pulling
drowning people out, until one walks upstream to see who is throwing them in.

:::facilitator
Tell the story in your own words. Ask: *who in your training has been pulled out of the river?*
Expect a short silence; wait ten seconds before you speak again.
:::
::::

::::segment{minutes=20 method=IM008 title="One patient, upstream"}
Read the case with a partner. List what brought this patient to clinic, then what brought *that*
about.

:::facilitator
If the discussion turns to blame of the patient, ask what options the patient had.
:::
::::
`,
    'sessions/02-what-can-we-do.md': `---
${schema('session', 1)}
id: what-can-we-do
title: From "What can I do?" to "What can we do?"
duration: 30
methods:
  primary: IM008
  other: [IM020]
objectives: [propose-action]
groupSize: { min: 4, max: 12 }
---

# From "What can I do?" to "What can we do?"

:::segment{minutes=15 method=IM008 title="Who else is upstream?"}
Eisenstein argues that organizing with others is both strategy and care [@eisenstein-2018]. In small
groups, name who else sees the cause you found, and what they could do together.
:::

::::segment{minutes=15 method=IM020 title="A first step"}
Draft a one-paragraph plan for one collective action, then share it with the group.

::assessment{id=action-plan}

:::facilitator
Some learners will say this is not a physician's job. Take the view seriously: ask what evidence
would change their mind, and what the patient would say.
:::
::::
`,
    'assessments/check.yaml': `${schema('assessment', 1)}
id: check
title: Knowledge check
kind: quiz
purpose: formative
method: AM004
session: river
items:
  - id: parable-point
    type: single-choice
    objectives: [explain-parable]
    prompt: In the river parable, why does one friend walk upstream?
    choices:
      - id: a
        text: To find out what is putting people in the river.
        correct: true
        feedback: Right. Upstream is where the causes are.
      - id: b
        text: Because she is too tired to keep rescuing people.
        feedback: Tiredness is real, but she goes to find the cause.
  - id: upstream-cause
    type: true-false
    objectives: [identify-causes]
    prompt: Housing instability is an example of an upstream cause of illness.
    answer: true
    feedback: Housing is one of the social conditions that shape health long before a clinic visit.
`,
    'assessments/reflection.yaml': `${schema('assessment', 1)}
id: reflection
title: Reflection
kind: reflection
purpose: formative
method: AM017
session: river
report: false
items:
  - id: reflect-river
    type: reflection
    objectives: [explain-parable]
    prompt: When have you felt you were pulling people out of the river? What did you notice upstream?
    feedback: There is no right answer. This reflection is yours and is never sent to the gradebook.
`,
    'assessments/action-plan.yaml': `${schema('assessment', 1)}
id: action-plan
title: A plan for collective action
kind: assignment
purpose: formative
method: AM016
session: what-can-we-do
rubric: action-plan
instructions: >-
  In one paragraph, name an upstream cause you met in clinic, who else is affected by it, and one
  action you could take together in the next three months.
`,
    'rubrics/action-plan.yaml': `${schema('rubric', 1)}
id: action-plan
title: Action plan rubric
levels:
  - { id: beginning, label: Beginning, points: 1 }
  - { id: developing, label: Developing, points: 2 }
  - { id: proficient, label: Proficient, points: 3 }
  - { id: exemplary, label: Exemplary, points: 4 }
criteria:
  - id: names-cause
    title: Names an upstream cause
    objectives: [identify-causes]
    descriptors:
      beginning: Names a problem but not its cause.
      developing: Names a cause in general terms.
      proficient: Names a specific cause tied to the patient's story.
      exemplary: Names a specific cause and shows how it reaches the patient.
  - id: plans-together
    title: Plans to act with others
    objectives: [propose-action]
    descriptors:
      beginning: Describes only individual action.
      developing: Names others but no shared action.
      proficient: Proposes a shared action with named partners.
      exemplary: Proposes a shared, time-bound action with named partners and a first step.
gradebook:
  method: points
  passing: 5
  note: Enter the total (2 to 8) as points; do not use Moodle's scaled rubric grading, which turns all 1s into 0%.
`,
  };
}
