import { InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { useDocumentTitle } from '../../../components/use-document-title';

const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
const DMA_REPORT_URL =
  'https://digital.nhs.uk/data-and-information/digital-maturity-assessment-report-2024-and-2025-results/report';

/** /about-the-data: sources, licences and attribution, and the known limits of the data. */
export function AboutTheDataPage() {
  useDocumentTitle('About the data');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>About the data</h1>
        <p className="nhsuk-lede-text">
          The organisation directory is built from public data about NHS organisations in England, and the
          results include NHS England&apos;s published Digital Maturity Assessment scores. This page says
          where the data comes from, how it is licensed and what to be aware of.
        </p>

        <h2 id="licences">Licences and attribution</h2>
        <p>
          ODS organisation data and ONS geography codes are © Crown copyright / NHS England, used under the{' '}
          <a href={OGL_URL} rel="license">
            Open Government Licence v3.0
          </a>
          .
        </p>
        <p>
          The Digital Maturity Assessment (DMA) 2025 data file is © NHS England 2026, released under the{' '}
          <a href={OGL_URL} rel="license">
            Open Government Licence v3.0
          </a>
          . It was published with the{' '}
          <a href={DMA_REPORT_URL}>Digital Maturity Assessment report: 2024 and 2025 results</a> on 30 March
          2026.
        </p>
        <InsetText>
          <p>Contains public sector information licensed under the Open Government Licence v3.0.</p>
          <p>Digital Maturity Assessment 2025 data: Copyright © 2026, NHS England.</p>
        </InsetText>

        <h2 id="sources">Sources</h2>
        <ul>
          <li>
            Organisation Data Service (ODS) <code>etr.csv</code> (NHS Trusts), snapshots of 2025 Q1 and July
            2026
          </li>
          <li>ONS ICB and NHS region attribute tables (2022, 2023)</li>
          <li>the RCPCH NHS organisations dataset (2024)</li>
          <li>a public CC0 list of trust types and 2026 ICBs</li>
          <li>NHS England Digital Maturity Assessment 2024 and 2025 results, published on 30 March 2026</li>
        </ul>

        <h2 id="results">About the results</h2>
        <ul>
          <li>
            The results for 2025/26 are NHS England&apos;s published DMA 2025 scores, imported from the data
            file as published. A cycle with published results shows those only.
          </li>
          <li>
            Results for later cycles come from the returns trusts and ICBs complete here: self-assessed,
            approved by each board and sealed when submitted.
          </li>
          <li>
            Organisations are compared only within the same care setting, and a score&apos;s position is shown
            by quarter, never by rank. Where fewer than 5 organisations make up a figure that would otherwise
            be shown without their names, it is not shown. A comparison (a median, a spread, a share below a
            threshold or a movement) from fewer than 3 organisations is not shown either: the page says how
            many organisations there are and that they are too few to compare.
          </li>
          <li>
            NHS England compares years only on the domains asked in both years (&quot;comparable
            domains&quot;), so movement since last year uses the overall score on comparable domains.
          </li>
          <li>
            The file also has each ICB&apos;s scores in NHS England&apos;s primary care survey: the ICB&apos;s
            own answers about general practice in its area, on 5 of the 7 measures (not safe practice or
            healthy populations). The ICS results page shows them in a section of their own: they are not an
            average of the ICB&apos;s trusts, nor its own ICS-level return.
          </li>
          <li>
            NHS England&apos;s 2025 file names two measures differently from the 2021 framework: &quot;Support
            Workforce&quot; (Support people) and &quot;Empower People&quot; (Empower citizens). This service
            uses the framework&apos;s names.
          </li>
        </ul>

        <h2 id="what-it-covers">What the directory covers</h2>
        <ul>
          <li>the 7 NHS England regions, with their ODS and ONS codes</li>
          <li>the 42 integrated care boards (ICBs) in place from 1 July 2022 to 31 March 2026</li>
          <li>the 36 ICBs in place from 1 April 2026, after the mergers, with the ICBs they replaced</li>
          <li>
            the 205 NHS trusts open in England in 2025, with openings, closures and renames from 2024 to 2026
          </li>
        </ul>

        <h2 id="notes">Things to be aware of</h2>
        <ul>
          <li>
            Three care-trust-coded trusts (TAD, TAH and TAJ) have no headquarters postcode or opening date in
            the source data.
          </li>
          <li>
            For 11 trusts, mostly ambulance trusts and trusts that serve several ICSs, the Digital Maturity
            Assessment assigns an integrated care system other than the ICB where the trust has its
            headquarters. This service uses the DMA&apos;s ICS (the &quot;assessment&quot; ICS) for
            comparisons and shows the headquarters ICB as well.
          </li>
          <li>
            After 1 April 2026, a trust&apos;s assessment ICS is the successor of its 2025 assessment ICS
            where the merger left one successor. Otherwise it is the trust&apos;s 2026 headquarters ICB.
          </li>
          <li>
            The ODS publishes organisation names in capital letters. This service shows them in ordinary title
            case to make them easier to read.
          </li>
          <li>
            Renames seen between two ODS snapshots have no exact date, so the service shows them without one.
          </li>
        </ul>

        <p>
          <Link to="/organisations">Search the organisation directory</Link>
        </p>
      </div>
    </div>
  );
}
