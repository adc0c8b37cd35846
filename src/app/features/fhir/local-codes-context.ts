/** The clinic's local lab codes, for views deep in the tree (the model details) without threading props. */
import { createContext } from 'react';
import type { LocalCodes } from '../../../core/fhir/codes';

export const LocalCodesContext = createContext<LocalCodes | undefined>(undefined);
