/** The results pages' wide tables use the shared scrolling area. */
export { TableScroll as ScrollingTable } from '../../../components/table-scroll';
