import { describe, expect, test } from 'vitest';
import { readDataset } from '../../scripts/dataset-files';
import { createMatcher, type Mention } from './matcher';

/**
 * Acronyms and short names of government entries (agencies, programs, bills, laws) against the REAL dataset: for each
 * risky alias one sentence where it names the entry and one where the same letters mean something else. The
 * sentences are our own.
 */
const matcher = createMatcher(readDataset());

interface Reading {
  text: string;
  /** The word or phrase in question; every occurrence is checked. */
  word: string;
  /** The entry it must name; absent when the word must stay unmarked. */
  id?: string;
  /**
   * For a wrong reading inside a longer phrase that another entry may rightly claim ("facial recognition" is a
   * technology entry of its own): only these entries must stay off the word.
   */
  notIds?: string[];
}

const readings: Reading[] = [
  // Intelligence Community acronyms
  { text: 'The Defense Intelligence Agency briefed the committee, and DIA analysts later testified.', word: 'DIA', id: 'defense-intelligence-agency' },
  { text: 'Flights out of DIA were delayed by snow at the Denver airport.', word: 'DIA' },
  { text: 'The National Geospatial-Intelligence Agency said NGA imagery showed the new runway.', word: 'NGA', id: 'national-geospatial-intelligence-agency' },
  { text: 'The NGA, the National Governors Association, met in Utah.', word: 'NGA' },
  { text: 'The NRO launched another reconnaissance satellite from Vandenberg.', word: 'NRO', id: 'national-reconnaissance-office' },
  { text: 'The band NRO released a new album this week.', word: 'NRO' },
  { text: 'Analysts at ONI track Chinese naval shipbuilding for the Navy.', word: 'ONI', id: 'office-of-naval-intelligence' },
  { text: "Australia's ONI advises the prime minister on intelligence priorities.", word: 'ONI' },
  { text: 'The State Department Bureau of Intelligence and Research was right, and INR analysts said so early.', word: 'INR', id: 'state-bureau-of-intelligence-and-research' },
  { text: 'The price was quoted in INR, the Indian rupee.', word: 'INR' },
  { text: 'Treasury officials said OIA had traced the sanctions-evasion payments.', word: 'OIA', id: 'treasury-office-of-intelligence-and-analysis' },
  { text: 'The Official Information Act, or OIA, lets New Zealanders request records.', word: 'OIA' },
  { text: 'Coast Guard Intelligence reported the vessel, and CGI analysts followed it for days.', word: 'CGI', id: 'coast-guard-intelligence' },
  { text: 'The film used CGI for every battle scene.', word: 'CGI' },
  { text: 'The NCTC said the suspect had been added to its terrorism database.', word: 'NCTC', id: 'national-counterterrorism-center' },
  // The two Offices of Intelligence and Analysis
  { text: "DHS's Office of Intelligence and Analysis shared the bulletin with fusion centers.", word: 'Office of Intelligence and Analysis', id: 'dhs-office-of-intelligence-and-analysis' },
  { text: "Treasury's Office of Intelligence and Analysis tracked the cartel's money.", word: 'Office of Intelligence and Analysis', id: 'treasury-office-of-intelligence-and-analysis' },
  { text: 'The Department of Homeland Security Office of Intelligence and Analysis said I&A would audit its bulk data.', word: 'I&A', id: 'dhs-office-of-intelligence-and-analysis' },
  { text: 'The course covers I&A, inventory and accounting.', word: 'I&A' },
  // DOJ components
  { text: 'The Justice Department asked the Bureau of Prisons to review its phone monitoring, and BOP officials agreed.', word: 'BOP', id: 'federal-bureau-of-prisons' },
  { text: 'The bank raised its rate after the BOP meeting in Botswana.', word: 'BOP' },
  { text: 'EOIR said the immigration courts had a record backlog.', word: 'EOIR', id: 'executive-office-for-immigration-review' },
  { text: 'The Justice Department National Security Division filed the FISA application, and NSD lawyers defended it.', word: 'NSD', id: 'doj-national-security-division' },
  { text: 'The NSD, the district of North Shore, closed two schools.', word: 'NSD' },
  { text: "The Justice Department's National Security Division charged the two men.", word: 'National Security Division', id: 'doj-national-security-division' },
  { text: 'The National Security Division of the state police opened an office.', word: 'National Security Division' },
  { text: "The Justice Department's Criminal Division approved the wiretap application.", word: 'Criminal Division', id: 'doj-criminal-division' },
  { text: 'The case moved to the Criminal Division of the county court.', word: 'Criminal Division' },
  { text: 'The Justice Department COPS grants paid for the new community policing officers.', word: 'COPS', id: 'cops-office' },
  { text: 'COPS was renewed for another season on television.', word: 'COPS' },
  { text: 'The Bureau of Justice Assistance said BJA grants would fund police body cameras.', word: 'BJA', id: 'bureau-of-justice-assistance' },
  { text: 'The FBI said CJIS processed the fingerprints overnight.', word: 'CJIS', id: 'fbi-criminal-justice-information-services-division' },
  { text: "The FBI's Terrorist Screening Center added the name, and TSC staff updated the watchlist.", word: 'TSC', id: 'terrorist-screening-center' },
  { text: 'TSC shares rose after the retailer beat forecasts.', word: 'TSC' },
  { text: 'The FBI Operational Technology Division built the tool, and OTD engineers at the FBI maintained it.', word: 'OTD', id: 'fbi-operational-technology-division' },
  { text: 'Her OTD, or on-time delivery, rate was the best in the warehouse.', word: 'OTD' },
  { text: 'Police ran the plate through NCIC and found a warrant.', word: 'NCIC', id: 'national-crime-information-center' },
  // DHS components
  { text: 'USCIS denied the green card application.', word: 'USCIS', id: 'uscis' },
  { text: 'FEMA sent trailers to the flooded towns.', word: 'FEMA', id: 'fema' },
  { text: 'The USCG cutter intercepted the boat near Key West.', word: 'USCG', id: 'us-coast-guard' },
  { text: 'CBP flew the drone mission, and AMO pilots watched the protest from above.', word: 'AMO', id: 'cbp-air-and-marine-operations' },
  { text: 'He ran out of AMO for the rifle before the hunt ended.', word: 'AMO' },
  { text: 'USCIS referred the case to FDNS for a fraud review.', word: 'FDNS', id: 'uscis-fraud-detection-and-national-security-directorate' },
  { text: "DHS's CRCL opened an investigation into the detention conditions.", word: 'CRCL', id: 'dhs-office-for-civil-rights-and-civil-liberties' },
  { text: "The Department of Homeland Security's Privacy Office never reviewed the tool.", word: 'Privacy Office', id: 'dhs-privacy-office' },
  { text: "The university's Privacy Office handles student records requests.", word: 'Privacy Office' },
  // Oversight and regulators
  { text: 'The FTC barred the data broker from selling location data.', word: 'FTC', id: 'federal-trade-commission' },
  { text: 'FinCEN collects suspicious activity reports from banks.', word: 'FinCEN', id: 'fincen' },
  { text: 'The PCLOB report found the program had little value.', word: 'PCLOB', id: 'privacy-and-civil-liberties-oversight-board' },
  { text: 'The ICIG received the whistleblower complaint.', word: 'ICIG', id: 'intelligence-community-inspector-general' },
  { text: 'The FISCR upheld the surveillance order on appeal.', word: 'FISCR', id: 'foreign-intelligence-surveillance-court-of-review' },
  // Programs and systems with common-word names
  { text: 'Election officials ran voter rolls through SAVE, the USCIS citizenship verification system.', word: 'SAVE', id: 'save-program' },
  { text: 'The SAVE Act would require proof of citizenship for voter registration.', word: 'SAVE' },
  { text: 'SAVE the date for the spring gala.', word: 'SAVE' },
  { text: 'Travelers from Visa Waiver countries must fill in ESTA before flying to the United States.', word: 'ESTA', id: 'esta' },
  { text: 'ESTA SEMANA llegan las lluvias al norte del país.', word: 'ESTA' },
  { text: 'NCTC analysts added his name to TIDE, the terrorist identities database.', word: 'TIDE', id: 'terrorist-identities-datamart-environment' },
  { text: 'The TIDE detergent ads ran during the game.', word: 'TIDE' },
  { text: 'USCIS flagged the naturalization case through ATLAS.', word: 'ATLAS', id: 'uscis-atlas' },
  { text: 'The ATLAS experiment at CERN recorded the collision.', word: 'ATLAS' },
  { text: 'The EES began registering fingerprints of non-EU travellers at the border.', word: 'EES', id: 'entry-exit-system' },
  { text: 'The EES ratio measures how much a company pays its executives.', word: 'EES' },
  // Generic phrases that name the entry only in U.S. or DOJ context
  { text: 'The Coast Guard cutter stopped the migrant boat, DHS said.', word: 'Coast Guard', id: 'us-coast-guard' },
  { text: 'The Chinese Coast Guard fired water cannon at the supply boat.', word: 'Coast Guard' },
  { text: 'The Air Force Intelligence report on Chinese missiles reached the Pentagon.', word: 'Air Force Intelligence', id: 'air-force-intelligence' },
  { text: "Syria's Air Force Intelligence ran some of the country's most feared prisons.", word: 'Air Force Intelligence' },
  { text: "The Justice Department's Data Security Program bars some sales of Americans' bulk sensitive data.", word: 'Data Security Program', id: 'doj-data-security-program' },
  { text: "The hospital's data security program failed its annual audit.", word: 'data security program' },
  { text: 'Borrowers in the SAVE program saw their student loan payments paused.', word: 'SAVE program' },
  { text: "The FBI's Operational Technology Division designed the intercept.", word: 'Operational Technology Division', id: 'fbi-operational-technology-division' },
  { text: 'The utility hired a chief for its Operational Technology Division to protect the grid.', word: 'Operational Technology Division' },
  // Bills and laws with short or generic names
  { text: 'Senators said KOSA would protect kids online.', word: 'KOSA', id: 'kids-online-safety-act' },
  { text: 'Kosa Bay is a popular beach in Okinawa.', word: 'Kosa' },
  { text: 'The DELETE Act would let people erase their data from every broker at once.', word: 'DELETE Act', id: 'delete-act' },
  { text: "California's Delete Act created a one-stop deletion platform for state residents.", word: 'Delete Act' },
  { text: 'The Financial Privacy Act of 2025 would reform Bank Secrecy Act reporting.', word: 'Financial Privacy Act of 2025', id: 'financial-privacy-act' },
  { text: 'Under the Right to Financial Privacy Act, banks must notify customers.', word: 'Financial Privacy Act' },
  { text: 'The Facial Recognition Act would require a court order for police searches.', word: 'Facial Recognition Act', id: 'facial-recognition-act' },
  { text: 'The Facial Recognition and Biometric Technology Moratorium Act would ban federal use.', word: 'Facial Recognition and Biometric Technology Moratorium Act', id: 'facial-recognition-and-biometric-technology-moratorium-act' },
  { text: 'A facial recognition act passed by the city council bans police use of the software.', word: 'facial recognition act', notIds: ['facial-recognition-act', 'facial-recognition-and-biometric-technology-moratorium-act'] },
  { text: 'Critics said TOLA let Australian police demand help breaking encryption.', word: 'TOLA', id: 'assistance-and-access-act-2018' },
  { text: 'Tola scored twice for the visitors.', word: 'Tola' },
  { text: 'The Virginia ALPR bill, HB 2724, limits how long license plate data are kept.', word: 'HB 2724', id: 'virginia-alpr-law-2025' },
  { text: 'HB 2724 would change how Texas schools are funded.', word: 'HB 2724' },
  { text: 'Senators Lee and Durbin said the SAFE Act would require a warrant before the FBI searches Section 702 data.', word: 'SAFE Act', id: 'security-and-freedom-enhancement-act' },
  { text: 'The SAFE Act would let cannabis businesses use banks, its sponsors said.', word: 'SAFE Act' },
  { text: 'The SCREEN Act would make porn sites verify the age of every visitor.', word: 'SCREEN Act', id: 'screen-act' },
  { text: 'It was all a smoke screen act to distract the audience.', word: 'screen act' },
  // Oversight bodies, UK and EU agencies, federal systems
  { text: 'Senators on the SSCI reviewed the intelligence budget in a closed session.', word: 'SSCI', id: 'senate-select-committee-on-intelligence' },
  { text: 'The journal is indexed in the SSCI, the Social Sciences Citation Index.', word: 'SSCI' },
  { text: 'A GAO report found that agencies did not track employees\' use of facial recognition.', word: 'GAO', id: 'government-accountability-office' },
  { text: 'GAO Lei scored twice in the second half.', word: 'GAO' },
  { text: 'The Cybersecurity and Infrastructure Security Agency said CISA would share the indicators with companies.', word: 'CISA', id: 'cybersecurity-and-infrastructure-security-agency' },
  { text: 'Privacy groups opposed CISA, the Cybersecurity Information Sharing Act, in 2015.', word: 'CISA' },
  { text: 'IPCO said its Judicial Commissioners refused two interception warrants last year.', word: 'IPCO', id: 'investigatory-powers-commissioners-office' },
  { text: 'IPCO, the pipe maker, raised its dividend.', word: 'IPCO' },
  { text: 'The Investigatory Powers Tribunal heard the complaint, and the IPT later ordered MI5 to disclose its policy.', word: 'IPT', id: 'investigatory-powers-tribunal' },
  { text: 'Patients received IPT, interpersonal therapy, for depression.', word: 'IPT' },
  { text: 'The EDPS warned that Europol had kept data on people with no link to crime.', word: 'EDPS', id: 'european-data-protection-supervisor' },
  { text: 'EDPS Ltd shipped the parcels on time.', word: 'EDPS' },
  { text: "Britain's Security Service, MI5, said the plot had been foiled.", word: 'Security Service', id: 'mi5' },
  { text: "Russia's Federal Security Service detained a British citizen in Moscow.", word: 'Security Service' },
  { text: "The Justice Department's Civil Rights Division opened a pattern-or-practice investigation into the police.", word: 'Civil Rights Division', id: 'doj-civil-rights-division' },
  { text: "The state attorney general's Civil Rights Division sued the landlord.", word: 'Civil Rights Division' },
  { text: "The FBI's FACE Services unit searched state driver's license photos.", word: 'FACE Services', id: 'fbi-face-services-unit' },
  { text: 'The salon lists its FACE Services next to massages.', word: 'FACE Services' },
  { text: 'CBP officers checked the traveler against TECS lookouts at the border.', word: 'TECS', id: 'tecs' },
  { text: 'TECS, the teachers\' summit, meets in May.', word: 'TECS' },
  { text: 'Under Secure Flight, TSA checks every passenger against the No Fly list.', word: 'Secure Flight', id: 'secure-flight' },
  { text: 'Ten Tips for a Secure Flight Booking Online', word: 'Secure Flight' },
  { text: "NIST's FRTE ranks face recognition algorithms by accuracy.", word: 'FRTE', id: 'nist-face-recognition-vendor-test' },
  { text: 'The FRTE band played downtown on Friday.', word: 'FRTE' },
  // State and local laws with generic titles or bill numbers
  { text: 'Utah lawmakers passed Government Use of Facial Recognition Technology rules in 2021.', word: 'Government Use of Facial Recognition Technology', id: 'utah-facial-recognition-law' },
  { text: 'The audit covered Government Use of Facial Recognition Technology across federal agencies.', word: 'Government Use of Facial Recognition Technology', notIds: ['utah-facial-recognition-law'] },
  { text: "Montana's SB 397 limits police facial recognition searches.", word: 'SB 397', id: 'montana-facial-recognition-for-government-use-act' },
  { text: 'SB 397 would raise the gas tax in Ohio.', word: 'SB 397' },
  { text: 'The state fusion center shared the threat bulletin with county police.', word: 'fusion center', id: 'fusion-center' },
  { text: 'The bank opened a cyber fusion center to merge its threat intelligence and fraud teams.', word: 'fusion center' },
  { text: "Utah's SB 34 set rules for government facial recognition searches in 2021.", word: 'SB 34', id: 'utah-facial-recognition-law' },
  { text: "Maryland's SB 34 would narrow when police may run facial recognition searches.", word: 'SB 34' },
  { text: "San Diego's TRUST Ordinance requires council approval of surveillance technology.", word: 'TRUST Ordinance', id: 'san-diego-trust-ordinance' },
  { text: 'The TRUST Ordinance in Chicago reforms landlord rules.', word: 'TRUST Ordinance' },
  { text: 'The Supreme Court upheld the federal TikTok ban law in January 2025.', word: 'TikTok ban law', id: 'protecting-americans-from-foreign-adversary-controlled-applications-act' },
  { text: "A judge blocked Montana's TikTok ban law before it took effect.", word: 'TikTok ban law' },
  { text: 'The FBI sent the provider a National Security Letter, and the NSL came with a gag order.', word: 'NSL', id: 'national-security-letters' },
  { text: 'He played two seasons in the NSL before turning professional.', word: 'NSL' },
  { text: 'Under the Privacy Act, federal agencies must publish a notice for each system of records.', word: 'Privacy Act', id: 'privacy-act-of-1974' },
  { text: "Australia's Privacy Act governs how companies and federal agencies handle personal information.", word: 'Privacy Act' },
  // DHS headquarters offices and DOJ components whose short names other bodies share: only with DHS or Justice context
  { text: "The Justice Department's Civil Division defended the program in court.", word: 'Civil Division', id: 'doj-civil-division' },
  { text: "The Civil Division of the U.S. Attorney's Office handles foreclosures, the Justice Department said.", word: 'Civil Division' },
  { text: "The county court's Civil Division hears small-claims cases.", word: 'Civil Division' },
  { text: "The Justice Department's Antitrust Division sued to block the merger.", word: 'Antitrust Division', id: 'doj-antitrust-division' },
  { text: "The Texas Attorney General's Antitrust Division opened an inquiry, days after the Justice Department closed its own.", word: 'Antitrust Division' },
  { text: "The Justice Department's Tax Division asked the court to enforce the IRS summons.", word: 'Tax Division', id: 'doj-tax-division' },
  { text: "The state Department of Revenue's Tax Division mailed the refunds.", word: 'Tax Division' },
  { text: "The Justice Department's Environment and Natural Resources Division settled the pollution case.", word: 'Environment and Natural Resources Division', id: 'doj-environment-and-natural-resources-division' },
  { text: "DOJ's ENRD filed the Clean Water Act suit.", word: 'ENRD', id: 'doj-environment-and-natural-resources-division' },
  { text: 'ENRD officials in the province approved the permit.', word: 'ENRD' },
  { text: 'The Office of Legal Counsel at the Justice Department wrote that the program was lawful.', word: 'Office of Legal Counsel', id: 'doj-office-of-legal-counsel' },
  { text: 'A Justice Department OLC opinion said the president could remove the commissioners.', word: 'OLC', id: 'doj-office-of-legal-counsel' },
  { text: "The TSA's Office of Legal Counsel reviewed the contract before the Justice Department weighed in.", word: 'Office of Legal Counsel' },
  { text: "The governor's Office of Legal Counsel issued guidance to state agencies.", word: 'Office of Legal Counsel' },
  { text: 'The OLC campus reopened in the fall.', word: 'OLC' },
  { text: "The Justice Department's Office of Professional Responsibility found the prosecutors had acted recklessly.", word: 'Office of Professional Responsibility', id: 'doj-office-of-professional-responsibility' },
  { text: "ICE's Office of Professional Responsibility investigated the death, the Justice Department said.", word: 'Office of Professional Responsibility' },
  { text: "The Justice Department's Office of Justice Programs awarded the grants.", word: 'Office of Justice Programs', id: 'office-of-justice-programs' },
  { text: "The Justice Department's Office of Justice Programs awarded the grants, and OJP said more would follow.", word: 'OJP', id: 'office-of-justice-programs' },
  { text: "Minnesota's Office of Justice Programs, which passes on Department of Justice grants, funds crime victim services.", word: 'Office of Justice Programs' },
  { text: 'OJP plans to open a second store in the spring.', word: 'OJP' },
  { text: "DHS's Management Directorate oversees the biometric office.", word: 'Management Directorate', id: 'dhs-management-directorate' },
  { text: "The bank's Management Directorate approved the budget.", word: 'Management Directorate' },
  { text: "DHS's Office of Health Security oversees medical care for people in custody.", word: 'Office of Health Security', id: 'dhs-office-of-health-security' },
  { text: "The university's Office of Health Security ran the vaccination clinic.", word: 'Office of Health Security' },
  { text: 'At DHS, the Office of Strategy, Policy and Plans drafted the vetting rule.', word: 'Office of Strategy, Policy and Plans', id: 'dhs-office-of-strategy-policy-and-plans' },
  { text: "The Army's Office of Strategy, Policy, and Plans drafted the review.", word: 'Office of Strategy, Policy, and Plans' },
  { text: "DHS's Office of Operations Coordination runs the National Operations Center.", word: 'Office of Operations Coordination', id: 'office-of-homeland-security-situational-awareness' },
  { text: "The airport's Office of Operations Coordination handles gate changes.", word: 'Office of Operations Coordination' },
  { text: "The Justice Department's Community Relations Service sent mediators to the city.", word: 'Community Relations Service', id: 'doj-community-relations-service' },
  { text: "The police department's Community Relations Service unit runs youth programs.", word: 'Community Relations Service' },
  { text: "The Justice Department's Community Relations Service (CRS) sent mediators, and CRS staff met with police.", word: 'CRS', id: 'doj-community-relations-service' },
  { text: "The Justice Department's Community Relations Service held a forum; a CRS report for Congress later reviewed the program.", word: 'CRS' },
  { text: "The Justice Department's Office on Violence Against Women awarded grants, and OVW staff visited the shelter.", word: 'OVW', id: 'office-on-violence-against-women' },
  { text: 'The governor created an Office on Violence Against Women for the state.', word: 'Office on Violence Against Women' },
  { text: 'The Executive Office for U.S. Attorneys (EOUSA) issued guidance to prosecutors.', word: 'EOUSA', id: 'executive-office-for-united-states-attorneys' },
  { text: "He was charged by the U.S. Attorney's Office for the Southern District of New York.", word: "U.S. Attorney's Office", id: 'us-attorneys-offices' },
  { text: 'The U.S. Trustee Program (USTP) objected to the fees in the bankruptcy.', word: 'USTP', id: 'us-trustee-program' },
  { text: 'DHS said the Countering Weapons of Mass Destruction Office (CWMD) deployed radiation detectors.', word: 'CWMD', id: 'countering-weapons-of-mass-destruction-office' },
  { text: 'Detainees complained to the Office of the Immigration Detention Ombudsman, and OIDO inspected the jail.', word: 'OIDO', id: 'office-of-the-immigration-detention-ombudsman' },
  { text: 'The DHS Office of the General Counsel defended the policy.', word: 'DHS Office of the General Counsel', id: 'dhs-office-of-the-general-counsel' },
  { text: "The company's Office of the General Counsel declined to comment on its DHS contract.", word: 'Office of the General Counsel' },
];

function occurrences(text: string, word: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) spans.push([at, at + word.length]);
  return spans;
}

const describeMentions = (mentions: Mention[]) => JSON.stringify(mentions.map((m) => `${m.text} -> ${m.entity.id}`));

describe('government acronyms and short names read right', () => {
  test('every risky alias has a right reading and a wrong one or an unambiguous form', () => {
    expect(readings.filter((r) => r.id).length).toBeGreaterThan(30);
    expect(readings.filter((r) => !r.id).length).toBeGreaterThan(25);
  });

  for (const reading of readings) {
    const name = reading.id
      ? `"${reading.word}" is ${reading.id} in: ${reading.text}`
      : `"${reading.word}" stays unmarked${reading.notIds ? ` by ${reading.notIds.join(', ')}` : ''} in: ${reading.text}`;
    test(name, () => {
      const spans = occurrences(reading.text, reading.word);
      expect(spans.length).toBeGreaterThan(0);
      const mentions = matcher.scan(reading.text);
      if (reading.id) {
        const hit = mentions.some((m) => m.entity.id === reading.id && spans.some(([start, end]) => m.start <= start && end <= m.end));
        expect(hit, describeMentions(mentions)).toBe(true);
      } else {
        const covering = mentions.filter(
          (m) => (!reading.notIds || reading.notIds.includes(m.entity.id)) && spans.some(([start, end]) => m.start < end && start < m.end),
        );
        expect(covering, describeMentions(covering)).toEqual([]);
      }
    });
  }
});
